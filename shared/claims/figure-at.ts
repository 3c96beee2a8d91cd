/** One figure read around a number: hedges, the number and its unit, a second number making a range, its kind and its subject (figures.ts finds the numbers). */

import { snapRange } from '../text/graphemes.ts';
import type { Figure } from './figure.ts';
import { kindAfter, kindBefore, transitiveDirectionBefore } from './figure-kind.ts';
import { HEDGE_BOUND, hedgeHolds, postHedge, preHedge } from './hedges.ts';
import type { Span } from './exclusions.ts';
import { isPeriodDescriptor } from './non-figures.ts';
import { boundsFor, type Quantity } from './quantity.ts';
import { readCore, type Core } from './read-core.ts';
import { resolveUnit, type Cues } from './readings.ts';
import type { SentenceSpan } from './sentences.ts';
import { subjectFor } from './subject.ts';

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
export function figureAt(text: string, pos: number, masks: readonly Span[], sents: readonly SentenceSpan[], cues: Cues): { figure: Figure; resume: number } | number | null {
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
  const kind =
    mult && (mult.form === 'verb' || mult.form === 'ing') ? mult.direction : ((mult ? kindBefore(lead, hedge, unitNow) : leadKind) ?? kindAfter(text.slice(end, end + 32), unitNow) ?? 'level');
  const figure: Figure = {
    ...q,
    hedge,
    raw: text.slice(start, end),
    kind,
    asOf: null,
    reading: resolved.reading,
    start,
    end,
    sentenceStart: sent.start,
    sentenceEnd: Math.max(sent.end, end),
    subject: '',
  };
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
