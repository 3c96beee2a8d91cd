/**
 * Approximate matches of a quote within a region of a folded text, as (start, end,
 * distance) candidates for anchor.ts to score: for each run of end positions within
 * the error budget, a few plausible ends, then for each end the plausible starts.
 * Scoring (with context) chooses among them.
 */
import { foldCodes } from './fold.ts';
import type { MyersPattern } from './myers.ts';

/** Characters of context that must agree verbatim (folded) to pin a match's edge to it. */
export const ANCHOR_CHARS = 8;
/**
 * Approximate matches verified per searched region. A repetitive text (tables,
 * boilerplate) can hold several near-copies that beat the true, edited passage on
 * distance alone; context decides among them, so several must be scored.
 */
const MAX_RUNS = 8;

export interface Candidate {
  start: number;
  end: number;
  distance: number;
}

function matchesAt(codes: Uint16Array, at: number, what: Uint16Array): boolean {
  if (at < 0 || at + what.length > codes.length) return false;
  for (let k = 0; k < what.length; k++) if (codes[at + k] !== what[k]) return false;
  return true;
}

/**
 * Whether a candidate edge is "anchored": the stored context meets it verbatim
 * (folded, its ANCHOR_CHARS nearest characters), or, for a quote stored with no
 * context on that side (it began or ended the old text), the new text begins or
 * ends there.
 */
export function startAnchored(folded: Uint16Array, start: number, prefix: string): boolean {
  if (prefix.length === 0) return start === 0;
  const tail = foldCodes(prefix.slice(-ANCHOR_CHARS));
  return matchesAt(folded, start - tail.length, tail);
}

export function endAnchored(folded: Uint16Array, end: number, suffix: string): boolean {
  if (suffix.length === 0) return end === folded.length;
  return matchesAt(folded, end, foldCodes(suffix.slice(0, ANCHOR_CHARS)));
}

/**
 * Candidates for `matcher` (the folded quote) in folded[from, to), anchored edges
 * among them. Counting the text's own ends as anchors matters for a quote that
 * ran to the end of the text and had its last words reworded ("officials said."
 * / "according to officials."): it matches cheapest by stopping short.
 */
export function approximateMatches(folded: Uint16Array, matcher: MyersPattern, prefix: string, suffix: string, from: number, to: number, maxErrors: number): Candidate[] {
  const m = matcher.length;
  const ends = matcher.searchEnds(folded, from, to);
  // Per run: the first and the last end at the run's least distance, and the
  // best end that is followed by the start of the stored suffix. A word inserted
  // near the end of a quote makes a truncated match *cheaper* than the true one
  // ("likely barley" vs "likely Bérénice."); only the context can tell, so the
  // context-consistent end must reach scoring too.
  const suffixHead = foldCodes(suffix.slice(0, ANCHOR_CHARS));
  const anchoredEnd = (end: number): boolean => (suffix.length === 0 ? end === folded.length : matchesAt(folded, end, suffixHead));
  const runs: { ends: number[]; distance: number; anchored: number; anchoredDistance: number }[] = [];
  let run: (typeof runs)[number] | null = null;
  for (let i = 0; i < ends.length; i++) {
    const d = ends[i]!;
    const end = from + i + 1;
    if (d > maxErrors) {
      run = null;
      continue;
    }
    if (!run) runs.push((run = { ends: [end], distance: d, anchored: -1, anchoredDistance: Infinity }));
    else if (d < run.distance) {
      run.ends = [end];
      run.distance = d;
    } else if (d === run.distance) run.ends[1] = end;
    if (d < run.anchoredDistance && anchoredEnd(end)) {
      run.anchored = end;
      run.anchoredDistance = d;
    }
  }
  // Runs whose end meets the stored suffix go first: in repetitive text (tables,
  // templated reports) near-copies with other figures are cheaper on distance
  // alone and would otherwise crowd the edited original out.
  runs.sort((x, y) => Number(y.anchored >= 0) - Number(x.anchored >= 0) || x.distance - y.distance);
  const prefixTail = foldCodes(prefix.slice(-ANCHOR_CHARS));
  const anchoredStart = (start: number): boolean => (prefix.length === 0 ? start === 0 : matchesAt(folded, start - prefixTail.length, prefixTail));
  const out: Candidate[] = [];
  for (const r of runs.slice(0, MAX_RUNS)) {
    const candidates = r.anchored >= 0 && !r.ends.includes(r.anchored) ? [...r.ends, r.anchored] : r.ends;
    for (const end of candidates) {
      const back = matcher.anchoredBackward(folded, end, Math.max(0, end - m - maxErrors));
      // Likewise for the start: the cheapest, and the cheapest right after the
      // end of the stored prefix.
      let bestLen = 0;
      let bestDistance = Infinity;
      let anchoredLen = 0;
      let anchoredDistance = Infinity;
      for (let i = 0; i < back.length; i++) {
        const d = back[i]!;
        const len = i + 1;
        if (d < bestDistance || (d === bestDistance && Math.abs(len - m) < Math.abs(bestLen - m))) {
          bestDistance = d;
          bestLen = len;
        }
        if (d < anchoredDistance && d <= maxErrors && anchoredStart(end - len)) {
          anchoredDistance = d;
          anchoredLen = len;
        }
      }
      out.push({ start: end - bestLen, end, distance: bestDistance });
      if (anchoredLen > 0 && anchoredLen !== bestLen) out.push({ start: end - anchoredLen, end, distance: anchoredDistance });
    }
  }
  return out;
}
