/**
 * Figure detection: finds quantities with their hedges in a source text,
 * rule by rule, so every result can be explained.
 *
 * A figure is read left to right around a number: an optional hedge before it
 * ("almost", "~", "topped"), an optional sign and currency ("−", "$", "Rs "),
 * the number (digits, written words, a fraction or a multiplier word such as
 * "doubled"), an optional scale ("million", "bn", "crore"), an optional unit
 * ("%", "GW", "basis points", "46.8C"), an optional rate ("per day", "a tonne",
 * "month-on-month"), an optional second number making a range ("5 to 10",
 * "between 20 and 30", "30 or 40 per cent") and an optional trailing hedge ("or
 * more", ", give or take"); read-core.ts reads the number-to-rate part (numbers
 * as said, "a couple of hundred", in spoken-numbers.ts) and hedges.ts the hedges,
 * spoken ones included ("in the region of", "p < "). Then the words around it say whether it is a
 * level or a change (figure-kind.ts) and how an ambiguous sign or unit reads
 * in this sentence (readings.ts). Numbers that are labels rather than
 * quantities (years, dates, scores, ages, names like "FTSE 100", period
 * descriptors like "five-year average", codes, phone numbers) are dropped; see
 * exclusions.ts and non-figures.ts. Offsets are UTF-16 code units into `text`;
 * all spans start and end next to ASCII or currency characters, so they never
 * split a grapheme.
 */

import { boundsFor, type Quantity } from './quantity.ts';
import { MULTIPLIER_WORDS, TENS_WORDS, UNITS_WORDS } from './lexicon.ts';
import { HEDGE_BOUND, hedgeHolds, postHedge, preHedge } from './hedges.ts';
import { splitUnit } from './units.ts';
import { readCore, type Core } from './read-core.ts';
import { maskedSpans, type Span } from './exclusions.ts';
import { isPeriodDescriptor } from './non-figures.ts';
import { kindAfter, kindBefore, transitiveDirectionBefore } from './figure-kind.ts';
import { documentCues, resolveUnit, type Cues } from './readings.ts';
import { sentences, type SentenceSpan } from './sentences.ts';
import { snapRange } from '../text/graphemes.ts';
import { subjectFor } from './subject.ts';
import { timeOf } from './when.ts';

export { sentences } from './sentences.ts';
export type Figure = Quantity & { start: number; end: number; sentenceStart: number; sentenceEnd: number; subject: string };

const NUMBER_WORDS = ['a', 'an', 'half', ...Object.keys(UNITS_WORDS), ...Object.keys(TENS_WORDS), ...Object.keys(MULTIPLIER_WORDS)];
const START_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_$€£¥₹₩])(?:(?<![\\p{L}\\p{N}][-−])[-−+](?=[$€£¥₹]?\\d)|minus\\s+(?=\\d)|US\\$|HK\\$|AU\\$|A\\$|CA\\$|Can\\$|C\\$|NZ\\$|S\\$|R\\$|[$€£¥₹₩]|Rs\\.?\\s?(?=\\d)|(?:USD|EUR|GBP|JPY|CNY|RMB|HKD|AUD|CAD|CHF|INR|KRW|SGD|NZD|BRL)\\s?(?=\\d)|(?<!\\d[.,])\\d|(?:${NUMBER_WORDS.join('|')})(?![\\p{L}]))`,
  'giu',
);

export interface DetectOptions {
  /** The source's published date (ISO), so "last year" can be resolved by timeOf. */
  published?: string | null;
}

/** Finds every figure in `text`. */
export function detectFigures(text: string, options: DetectOptions = {}): Figure[] {
  const masks = maskedSpans(text);
  const sents = sentences(text);
  const cues = documentCues(text);
  const out: Figure[] = [];
  START_RE.lastIndex = 0;
  for (let m = START_RE.exec(text); m; m = START_RE.exec(text)) {
    const found = figureAt(text, m.index, masks, sents, cues);
    if (found === null) continue;
    if (typeof found === 'number') {
      START_RE.lastIndex = Math.max(START_RE.lastIndex, found);
      continue;
    }
    out.push(found.figure);
    START_RE.lastIndex = found.resume;
  }
  linkNeighbours(text, out);
  for (const f of out) f.asOf = timeOf(text, { start: f.sentenceStart, end: f.sentenceEnd }, { start: f.start, end: f.end }, options.published ?? null);
  return out;
}

/**
 * What a figure takes from the one before it in its sentence: "down $1.12, or 1.4%"
 * (the second is a fall too) and "about 140 patients a day, up from 90" (the bare
 * earlier level is in the same unit).
 */
// an interval right after its estimate: "(95% CI 0.4–0.8)", "; 95% CI, 89.0 to 93.2", "(IQR 7.1–12.4)"
const CI_GAP = /^[^.;]{0,12}[(;,]\s*(?:\d{2}(?:\.\d)?%\s*(?:CIs?|CrI|UI|confidence interval|credible interval)|IQR|interquartile range|range)[,:]?\s*$/u;
const sameBase = (a: string | null, b: string | null): boolean => a !== null && b !== null && splitUnit(a).base === splitUnit(b).base;
function linkNeighbours(text: string, figs: Figure[]): void {
  for (let i = 1; i < figs.length; i++) {
    const prev = figs[i - 1]!;
    const f = figs[i]!;
    if (prev.sentenceStart !== f.sentenceStart) continue;
    const gap = text.slice(prev.end, f.start);
    // "down $1.12, or 1.4%"; "rose 4% q/q and 11% y/y" (the same base unit joined by "and")
    // (only when the second figure ends its phrase: "rose 4% and 3% of staff left" keeps the 3% a level)
    const joined = /^,?\s+and\s+$/.test(gap) && sameBase(prev.unit, f.unit) && /^(?:\s*[,.;)]|\s*$|\s+(?:respectively|in|on|from|to)(?![\p{L}]))/u.test(text.slice(f.end, f.end + 16));
    if (f.kind === 'level' && prev.kind !== 'level' && (/^,?\s+or\s+$/.test(gap) || joined)) f.kind = prev.kind;
    // "fell by 0.6 percentage points (95% CI 0.4–0.8)": a bare interval is in the estimate's unit
    if (f.unit === 'count' && f.bound === 'range' && prev.unit !== 'count' && prev.unit !== null && CI_GAP.test(gap)) f.unit = prev.unit;
    // "Greens on 11% (+2)": a signed bare number in brackets after a share is its change in points
    if (f.unit === 'count' && prev.unit === '%' && /^[+\-−]\d/.test(f.raw) && /^\s*\(\s*$/.test(gap) && /^\s*\)/.test(text.slice(f.end, f.end + 3))) f.unit = 'pp';
    if (f.unit === 'count' && prev.unit !== 'count' && prev.unit !== null && /^[\d.,]+$/.test(f.raw) && /(?:^|\s)from\s+$/.test(text.slice(Math.max(0, f.start - 8), f.start))) {
      if (/^(?:\s+(?:before|after|in|on|at|a|the|last|earlier|previously|when|and|until|since)(?![\p{L}])|\s*[,.;)]|\s*$)/u.test(text.slice(f.end, f.end + 16))) f.unit = prev.unit;
    }
  }
}

// ---------------------------------------------------------------------------
// One candidate

/** The sentence holding `pos` (binary search; spans are sorted and disjoint). */
function sentenceAt(sents: readonly SentenceSpan[], pos: number, textLength: number): SentenceSpan {
  let lo = 0;
  let hi = sents.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sents[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return { start: 0, end: textLength };
}

/** A figure at `pos`; a number means "nothing here, skip to that offset". */
function figureAt(text: string, pos: number, masks: readonly Span[], sents: readonly SentenceSpan[], cues: Cues): { figure: Figure; resume: number } | number | null {
  const core = readCore(text, pos, masks);
  if (core === null || typeof core === 'number') return core;
  const sent = sentenceAt(sents, core.start, text.length);

  let start = core.start;
  let hedge: string | null = null;
  const before = text.slice(Math.max(0, start - 40), start);
  const written = preHedge(before);
  if (written !== null) {
    const word = written.toLowerCase().replace(/\s+/g, ' ');
    if (hedgeHolds(word, before, core, text.slice(core.end, core.end + 24))) {
      hedge = word;
      start -= before.length - before.lastIndexOf(written);
    }
  }
  // a duration with a rate ("23 minutes per night after the programme") is an amount, never a date
  if (core.rate === '' && isPeriodDescriptor(text, start, core.unit, core.hyphenUnit, core.end)) return core.end;
  const lead = text.slice(Math.max(0, start - 64), start);
  const between = /(?:^|[^\p{L}])between\s+$/iu.exec(before);
  const fromChange = /(?:^|[^\p{L}])from\s+$/iu.test(before) && !/(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|spann(?:ed|ing))\s+from\s+$/iu.test(before);
  let resolved = resolveUnit(core, text, sent, cues);
  let leadKind = core.multiplier === null ? kindBefore(lead, hedge, resolved.unit) : null;
  // "fell by $9.6bn to $3.16 trillion": a change, then the level it reached, not a range
  const changeFirst = leadKind !== null && leadKind !== 'level';

  let second = core.rate === '' && core.multiplier === null ? readSecond(text, core, between !== null, masks) : null;
  if (second && changeFirst && second.written && !second.hyphen) second = null;
  // "aluminium lost $41 to $2,512": a transitive direction verb, its change, then the level reached
  if (second && leadKind === null && second.written && !second.hyphen && !fromChange && between === null) {
    leadKind = transitiveDirectionBefore(lead);
    if (leadKind !== null) second = null;
  }
  let q: Pick<Quantity, 'value' | 'lower' | 'upper' | 'unit' | 'bound'>;
  let end: number;
  if (second && !fromChange) {
    // "20 to 30 years ago", "the 3 or 4 months to June": a range of durations can still only date something
    if (second.core.rate === '' && isPeriodDescriptor(text, start, second.core.unit, second.core.hyphenUnit, second.core.end)) return second.core.end;
    if (between) start = core.start - (before.length - before.search(/between\s+$/i));
    resolved = resolveUnit(second.core, text, sent, cues);
    q = { value: null, lower: inheritScale(core, second.core), upper: second.core.value, unit: resolved.unit, bound: 'range' };
    end = second.core.end;
  } else {
    let unit = resolved.unit;
    let value = core.value;
    if (second && core.unit === null) {
      // "rose from 40 to 55 tonnes a day": the first number takes the second's unit
      resolved = resolveUnit(second.core, text, sent, cues);
      unit = resolved.unit;
      value = inheritScale(core, second.core);
    }
    q = { value, lower: value, upper: value, unit, bound: 'exact' };
    end = core.end;
  }
  if (hedge === null) hedge = core.impliedHedge;
  if (hedge === null) {
    const post = postHedge(text, end);
    if (post) {
      hedge = post.hedge;
      end = post.end;
    }
  }
  // "a decade" counts one decade only when hedged ("the best part of a decade", "a year or so")
  if (core.article && hedge === null) return core.end;
  if (q.bound !== 'range' && hedge !== null) {
    const bound = HEDGE_BOUND.get(hedge) ?? 'exact';
    q = { ...q, bound, ...boundsFor(q.value ?? 0, bound) };
  }
  // never end a span inside a grapheme cluster (a combining mark or emoji modifier after the figure)
  if (text.charCodeAt(end) > 0x7f) end = snapRange(text, start, end).end;

  const mult = core.multiplier;
  const unitNow = q.unit ?? 'count';
  const kind = mult && (mult.form === 'verb' || mult.form === 'ing')
    ? mult.direction
    : (mult ? kindBefore(lead, hedge, unitNow) : leadKind) ?? kindAfter(text.slice(end, end + 32), unitNow) ?? 'level';
  const figure: Figure = { ...q, hedge, raw: text.slice(start, end), kind, asOf: null, reading: resolved.reading, start, end, sentenceStart: sent.start, sentenceEnd: Math.max(sent.end, end), subject: '' };
  figure.subject = subjectFor(text, figure, core.nounHint);
  return { figure, resume: q.bound === 'range' ? end : core.end };
}

/** The second number of a range: "5 to 10 MW", "5-10%", "between 20 and 30". */
function readSecond(text: string, first: Core, between: boolean, masks: readonly Span[]): { core: Core; written: boolean; hyphen: boolean } | null {
  const conn = /\s*[-–—]\s*|\s+to\s+|\s+and\s+|\s+or\s+/y;
  conn.lastIndex = first.end;
  const m = conn.exec(text);
  if (!m) return null;
  const word = m[0].trim();
  const hyphen = /[-–—]/.test(word);
  if (word === 'and' && !between) return null;
  // "30 or 40 per cent", "three or four days": two guesses make a range, when the first has no unit of its own
  if (word === 'or' && (first.unit !== null || first.currency)) return null;
  if (hyphen && first.num.kind !== 'digits') return null;
  // a sign after a dash is the dash itself ("5-10"), never a negative second end; after "to" it is a sign ("−4.9 to −0.5")
  const at = conn.lastIndex;
  if (/[-−+]/.test(text[at] ?? '') && (hyphen || !/[-−+]\d/.test(text.slice(at, at + 2)))) return null;
  const second = readCore(text, at, masks, first.currency ? first.unit : null);
  if (second === null || typeof second === 'number') return null;
  if (hyphen && second.num.kind !== 'digits') return null;
  if (first.unit !== null && first.unit !== second.unit) return null;
  if (first.currency !== second.currency && first.unit !== null) return null;
  if (second.multiplier !== null) return null;
  // the second end carries its own unit ("$3.16 trillion", "5%"), not one borrowed from the first
  const written = second.unit !== null && (second.numStart > at || second.num.end !== second.end);
  const low = inheritScale(first, second);
  // ("10 or 2,000" are two figures: guesses joined by "or" lie close together)
  if (word === 'or' && !(second.value <= 10 * low && second.rate === '')) return null;
  return low < second.value ? { core: second, written, hyphen } : null;
}

/**
 * "5 to 10 million": an unscaled first number borrows the second's scale when
 * the result stays below the second ("500 to 2 million" keeps its 500).
 */
function inheritScale(first: Core, second: Core): number {
  return second.scale !== 1 && first.scale === 1 && first.value * second.scale <= second.value ? first.value * second.scale : first.value;
}
