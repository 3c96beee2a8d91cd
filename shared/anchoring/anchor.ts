/**
 * Re-finding a stored quote in a (possibly edited) source text.
 *
 * Three ways, cheapest first, and a refusal to guess:
 *  (a) exact: the stored position still holds the quote, with its context;
 *  (b) moved: the quote's exact text occurs elsewhere (or at the stored position
 *      with changed context); among several occurrences the one whose context
 *      agrees best wins, then the one nearest the expected position;
 *  (c) fuzzy: an approximate match, tolerating small edits inside and around the
 *      quote, scored from quote, context and position similarity (weights below);
 *  (d) orphaned: nothing scored at least FUZZY_THRESHOLD, or what did broke a rule
 *      (changed figures, no agreeing context).
 *
 * createAnchorer(text) shares the expensive part (folded text, q-gram index) among
 * many quotes of one text; anchor(text, selectors) is the one-off form. Results
 * always land on grapheme boundaries, and 'exact'/'moved' always mean that
 * text.slice(start, end) === exact.
 */
import { onBoundary, snap } from './boundaries.ts';
import { foldCodes } from './fold.ts';
import { MyersPattern } from './myers.ts';
import { BIN, QGramIndex } from './qgram.ts';
import { ContextMatcher, contextAgreement, contextSimilarity, digitRuns } from './similarity.ts';
import type { AnchorOptions, AnchorResult, Selectors } from './types.ts';
import { wordDiff } from './word-diff.ts';

/**
 * Minimum weighted score for a fuzzy match; below it the quote is orphaned rather
 * than attached to a guess. With the weights below, a quote that kept 90% of its
 * characters and both sides of its context scores about 0.95; one that kept 90%
 * and lost all context scores about 0.62 (unrelated prose agrees with a stored
 * 32-character context at about 0.25, and above 0.55 less than 1% of the time, as
 * measured on the fixture articles). 0.75 sits between the two and still accepts
 * a 90% quote with one side of its context destroyed (about 0.8).
 */
export const FUZZY_THRESHOLD = 0.75;

/**
 * Weights of the fuzzy score, after hypothesis' match-quote.ts (50/20/20/2).
 * The quote itself carries most of the weight: it is what the user cited. Prefix
 * and suffix together weigh almost as much, because context is what tells the
 * edited original apart from a similar sentence elsewhere (a repeated boilerplate
 * line, the same figure quoted in the summary). Position is a tie-breaker only:
 * sources get reorganized, and a moved paragraph is no less the same paragraph.
 */
export const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/**
 * A fuzzy candidate must keep at least this share of the quote's characters
 * (1 − edit distance / quote length). Without it, a perfect context could carry a
 * passage that was largely rewritten: it would no longer be what the user quoted.
 */
export const MIN_QUOTE_SIMILARITY = 0.7;

/**
 * At least one side of the stored context must still agree this well, unless the
 * quote was stored without any context (it was the whole text). A similar sentence elsewhere (the deleted quote's
 * neighbour in a list, a figure restated in a summary) has context that agrees only
 * by chance, so this rule is what turns "sentence deleted" into 'orphaned'.
 */
export const STRONG_CONTEXT = 0.75;

/** How far around the expected position the exact search looks first, in code units. */
const LOCAL_WINDOW = 2048;
/**
 * The same for the approximate search, which costs a bit-parallel scan per
 * character: a narrower window, since the q-gram index covers whatever moved farther.
 */
const FUZZY_WINDOW = 1024;
/** Global candidates (from the q-gram index) verified per quote. */
const GLOBAL_CANDIDATES = 6;
/**
 * Approximate matches verified per searched region. A repetitive text (tables,
 * boilerplate) can hold several near-copies that beat the true, edited passage on
 * distance alone; context decides among them, so several must be scored.
 */
const MAX_RUNS = 8;
/** Characters of context that must agree verbatim (folded) to pin a match's edge to it. */
const ANCHOR_CHARS = 8;
/** Occurrences of an exact quote weighed in step (b); a bound for very common strings. */
const MAX_OCCURRENCES = 20_000;

export interface Anchorer {
  readonly text: string;
  anchor(selectors: Selectors, options?: AnchorOptions): AnchorResult;
}

interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
  /** Built on first approximate use: compare prefix/suffix at candidate positions. */
  prefixMatcher?: ContextMatcher;
  suffixMatcher?: ContextMatcher;
  /** Stored start, when it is a usable offset. */
  stored: number | null;
  expected: number;
}

interface Scored {
  start: number;
  end: number;
  score: number;
  accepted: boolean;
}

function matchesAt(codes: Uint16Array, at: number, what: Uint16Array): boolean {
  if (at < 0 || at + what.length > codes.length) return false;
  for (let k = 0; k < what.length; k++) if (codes[at + k] !== what[k]) return false;
  return true;
}

function orphan(score: number): AnchorResult {
  return { status: 'orphaned', start: null, end: null, score, text: null };
}

class TextAnchorer implements Anchorer {
  readonly text: string;
  private foldedText: Uint16Array | null = null;
  private qgrams: QGramIndex | null = null;

  constructor(text: string) {
    this.text = text;
  }

  private get folded(): Uint16Array {
    this.foldedText ??= foldCodes(this.text);
    return this.foldedText;
  }

  private get index(): QGramIndex {
    this.qgrams ??= new QGramIndex(this.folded);
    return this.qgrams;
  }

  anchor(selectors: Selectors, options: AnchorOptions = {}): AnchorResult {
    const quote = this.prepare(selectors, options);
    if (!quote) return orphan(0);
    const threshold = options.threshold ?? FUZZY_THRESHOLD;
    const { text } = this;
    const { exact, prefix, suffix, stored } = quote;

    // (a) The stored position, verified against the quote and its context.
    if (
      stored !== null &&
      text.startsWith(exact, stored) &&
      text.startsWith(suffix, stored + exact.length) &&
      text.slice(Math.max(0, stored - prefix.length), stored) === prefix &&
      onBoundary(text, stored) &&
      onBoundary(text, stored + exact.length)
    ) {
      return this.found(quote, stored);
    }

    // (b) The exact text elsewhere, or here with changed context.
    const occurrence = this.bestOccurrence(quote);
    if (occurrence && (occurrence.agreement > 0 || prefix.length + suffix.length === 0)) {
      return this.found(quote, occurrence.start);
    }

    // (c) Approximate. Also tried when the exact text exists only without any
    // agreeing context: a bare coincidence of a short phrase is weaker evidence
    // than an edited passage whose context still agrees.
    const fuzzy = this.fuzzy(quote, threshold);
    if (fuzzy.accepted) {
      const { start, end, score } = fuzzy.accepted;
      const now = text.slice(start, end);
      if (now === exact) return this.found(quote, start);
      return { status: 'fuzzy', start, end, score, text: now, diff: wordDiff(exact, now) };
    }
    if (occurrence) return this.found(quote, occurrence.start);
    // (d)
    return orphan(fuzzy.bestRejected);
  }

  private prepare(selectors: Selectors, options: AnchorOptions): Quote | null {
    const position = selectors[0];
    const quote = selectors[1];
    if (!quote || typeof quote.exact !== 'string' || quote.exact.length === 0) return null;
    const len = this.text.length;
    const storedOk = position && Number.isInteger(position.start) && position.start >= 0 && position.start <= len;
    const stored = storedOk ? position.start : null;
    const hint = options.hint !== undefined && Number.isFinite(options.hint) ? options.hint : null;
    const expected = Math.max(0, Math.min(len, Math.round(hint ?? stored ?? 0)));
    return { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '', stored, expected };
  }

  private found(quote: Quote, start: number): AnchorResult {
    const end = start + quote.exact.length;
    return { status: start === quote.stored ? 'exact' : 'moved', start, end, score: 1, text: quote.exact };
  }

  /**
   * The occurrence of the exact text whose context agrees over the most characters
   * (counted outward from the quote's edges), then the nearest to the expected
   * position. A full-context occurrence near the expected position ends the search
   * early; nothing can beat it but an equally good one that is farther away.
   */
  private bestOccurrence(quote: Quote): { start: number; agreement: number } | null {
    const { text } = this;
    const { exact, prefix, suffix, expected } = quote;
    const full = prefix.length + suffix.length;
    let best: { start: number; agreement: number; distance: number } | null = null;
    const consider = (start: number): void => {
      if (!onBoundary(text, start) || !onBoundary(text, start + exact.length)) return;
      const agreement =
        contextAgreement(text, start, prefix, 'before') + contextAgreement(text, start + exact.length, suffix, 'after');
      const distance = Math.abs(start - expected);
      if (!best || agreement > best.agreement || (agreement === best.agreement && distance < best.distance)) {
        best = { start, agreement, distance };
      }
    };
    const from = Math.max(0, expected - LOCAL_WINDOW);
    const to = Math.min(text.length, expected + exact.length + LOCAL_WINDOW);
    const local = text.slice(from, to);
    for (let i = local.indexOf(exact); i !== -1; i = local.indexOf(exact, i + 1)) consider(from + i);
    if (best !== null && (best as { agreement: number }).agreement === full) return best;
    // Everywhere else: the q-gram index names the few places the quote could
    // start, instead of a scan of the whole text per quote.
    const possible = this.index.possibleStarts(foldCodes(exact));
    if (possible) {
      for (const i of possible.slice(0, MAX_OCCURRENCES)) {
        if ((i < from || i + exact.length > to) && text.startsWith(exact, i)) consider(i);
      }
    } else {
      let seen = 0;
      for (let i = text.indexOf(exact); i !== -1 && seen < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1), seen++) {
        if (i < from || i + exact.length > to) consider(i);
      }
    }
    return best;
  }

  private fuzzy(quote: Quote, threshold: number): { accepted: Scored | null; bestRejected: number } {
    const pattern = foldCodes(quote.exact);
    const m = pattern.length;
    const matcher = new MyersPattern(pattern);
    quote.prefixMatcher = new ContextMatcher(quote.prefix);
    quote.suffixMatcher = new ContextMatcher(quote.suffix);
    const maxErrors = Math.floor(m * (1 - MIN_QUOTE_SIMILARITY));
    let bestRejected = 0;
    let accepted: Scored | null = null;
    const seen = new Set<number>();
    const tryRegion = (from: number, to: number): void => {
      for (const c of this.verify(matcher, quote, from, to, maxErrors)) {
        const key = c.start * 4_294_967_296 + c.end;
        if (seen.has(key)) continue;
        seen.add(key);
        const scored = this.score(quote, c.start, c.end, c.distance, threshold);
        if (scored.accepted) {
          if (!accepted || scored.score > accepted.score) accepted = scored;
        } else bestRejected = Math.max(bestRejected, scored.score);
      }
    };
    // Most edits are local: look around the expected position first.
    const localFrom = Math.max(0, quote.expected - FUZZY_WINDOW);
    const localTo = Math.min(this.text.length, quote.expected + m + FUZZY_WINDOW);
    tryRegion(localFrom, localTo);
    if (accepted) return { accepted, bestRejected };
    // Then wherever the q-gram index says the quote's pieces went.
    const withContext = foldCodes(quote.prefix + quote.exact + quote.suffix);
    for (const c of this.index.candidates(withContext, quote.prefix.length, GLOBAL_CANDIDATES)) {
      const from = Math.max(0, c.diagonal - maxErrors - BIN);
      const to = Math.min(this.text.length, c.diagonal + m + maxErrors + 2 * BIN);
      if (from >= localFrom && to <= localTo) continue;
      tryRegion(from, to);
    }
    return { accepted, bestRejected };
  }

  /**
   * Approximate matches of the pattern within text[from, to): for each run of end
   * positions within the error budget, a few plausible ends, then for each end the
   * plausible starts. Scoring (with context) chooses among them.
   */
  private verify(matcher: MyersPattern, quote: Quote, from: number, to: number, maxErrors: number): { start: number; end: number; distance: number }[] {
    const folded = this.folded;
    const m = matcher.length;
    const ends = matcher.searchEnds(folded, from, to);
    // Per run: the first and the last end at the run's least distance, and the
    // best end that is followed by the start of the stored suffix. A word inserted
    // near the end of a quote makes a truncated match *cheaper* than the true one
    // ("likely barley" vs "likely Bérénice."); only the context can tell, so the
    // context-consistent end must reach scoring too.
    const suffixHead = foldCodes(quote.suffix.slice(0, ANCHOR_CHARS));
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
      if (d < run.anchoredDistance && suffixHead.length > 0 && matchesAt(folded, end, suffixHead)) {
        run.anchored = end;
        run.anchoredDistance = d;
      }
    }
    // Runs whose end meets the stored suffix go first: in repetitive text (tables,
    // templated reports) near-copies with other figures are cheaper on distance
    // alone and would otherwise crowd the edited original out.
    runs.sort((x, y) => Number(y.anchored >= 0) - Number(x.anchored >= 0) || x.distance - y.distance);
    const prefixTail = foldCodes(quote.prefix.slice(-ANCHOR_CHARS));
    const out: { start: number; end: number; distance: number }[] = [];
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
          if (d < anchoredDistance && d <= maxErrors && prefixTail.length > 0 && matchesAt(folded, end - len - prefixTail.length, prefixTail)) {
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

  /**
   * Similarity of the stored prefix ('before') or suffix ('after') at `at`, using
   * only the `usable` characters nearest the quote when the text is too short for
   * all of it (then through the plain table, as that case is rare).
   */
  private contextAt(quote: Quote, at: number, side: 'before' | 'after', usable: number): number {
    const context = side === 'before' ? quote.prefix : quote.suffix;
    if (usable <= 0) return 0;
    if (usable < context.length) {
      const part = side === 'before' ? context.slice(context.length - usable) : context.slice(0, usable);
      return contextSimilarity(this.text, at, part, side);
    }
    const matcher = side === 'before' ? quote.prefixMatcher : quote.suffixMatcher;
    return matcher ? matcher.similarity(this.folded, at, side) : contextSimilarity(this.text, at, context, side);
  }

  private score(quote: Quote, rawStart: number, rawEnd: number, distance: number, threshold: number): Scored {
    const { text } = this;
    const { start, end } = snap(text, rawStart, rawEnd);
    const now = text.slice(start, end);
    const q = Math.max(0, 1 - distance / quote.exact.length);
    // Context that cannot be compared is no evidence either way, so its weight is
    // left out rather than guessed: an empty stored context (the quote was at the
    // very start or end of the old text), or a candidate at the very start or end
    // of the new text (a paragraph moved to the end). Where only part of the
    // stored context fits, that part is compared.
    const before = Math.min(quote.prefix.length, start);
    const after = Math.min(quote.suffix.length, text.length - end);
    const p = before >= Math.min(ANCHOR_CHARS, quote.prefix.length) && before > 0 ? this.contextAt(quote, start, 'before', before) : null;
    const s = after >= Math.min(ANCHOR_CHARS, quote.suffix.length) && after > 0 ? this.contextAt(quote, end, 'after', after) : null;
    const pos = 1 - Math.min(1, Math.abs(start - quote.expected) / Math.max(1, text.length));
    let sum = WEIGHTS.quote * q + WEIGHTS.position * pos;
    let weight = WEIGHTS.quote + WEIGHTS.position;
    if (p !== null) {
      sum += WEIGHTS.prefix * p;
      weight += WEIGHTS.prefix;
    }
    if (s !== null) {
      sum += WEIGHTS.suffix * s;
      weight += WEIGHTS.suffix;
    }
    const score = sum / weight;
    // Only a quote stored without any context (the whole text) may do without
    // agreeing context; one whose context merely cannot be compared here (the
    // candidate sits at an edge of the new text) has no evidence, not a pass.
    const contextless = quote.prefix.length === 0 && quote.suffix.length === 0;
    const contextAgrees = contextless || Math.max(p ?? 0, s ?? 0) >= STRONG_CONTEXT;
    // A candidate must sit between its context, not on it. When the quote was
    // deleted, its prefix now runs straight into its suffix, and a short quote can
    // look "similar" to the first words of that suffix (or the last of the prefix),
    // with perfect context on one side. If the suffix fits better where the
    // candidate starts than where it ends (or the prefix better where it ends than
    // where it starts), the candidate is made of context and the quote is gone.
    // Comparing the two places, not just testing one, keeps quotes whose own last
    // words resemble their prefix (templated reports: "...remained uncertain.").
    const onContext = (): boolean => {
      if (s !== null) {
        const misplaced = this.contextAt(quote, start, 'after', Math.min(quote.suffix.length, text.length - start));
        if (misplaced >= STRONG_CONTEXT && misplaced > s) return true;
      }
      if (p !== null) {
        const misplaced = this.contextAt(quote, end, 'before', Math.min(quote.prefix.length, end));
        if (misplaced >= STRONG_CONTEXT && misplaced > p) return true;
      }
      return false;
    };
    // Figures must survive verbatim: "output rose 4.2%" and "output rose 2.4%" are
    // one character-swap apart but say different things, and a quote is cited for
    // what it says. A changed figure means the quoted claim changed: orphan it so a
    // person looks, rather than silently re-pointing the citation.
    const figuresKept = digitRuns(now) === digitRuns(quote.exact);
    const accepted =
      end > start && q >= MIN_QUOTE_SIMILARITY && score >= threshold && contextAgrees && figuresKept && !onContext();
    return { start, end, score, accepted };
  }
}

/** A reusable anchorer for one text: many quotes share its folded copy and q-gram index. */
export function createAnchorer(text: string): Anchorer {
  return new TextAnchorer(text);
}

/** Anchors one quote in `text`. For many quotes of one text, prefer createAnchorer. */
export function anchor(text: string, selectors: Selectors, options?: AnchorOptions): AnchorResult {
  return createAnchorer(text).anchor(selectors, options);
}
