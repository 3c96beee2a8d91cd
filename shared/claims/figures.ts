/**
 * Figure detection: finds quantities with their hedges in a source text,
 * rule by rule, so every result can be explained.
 *
 * A figure is read left to right around a number: an optional hedge before it
 * ("almost", "~"), an optional currency ("$", "EUR "), the number (digits,
 * written words or a fraction), an optional scale ("million", "bn", "m"), an
 * optional unit ("%", "GW", "tonnes", "yuan"), an optional rate ("per day",
 * "a tonne", "year on year"), an optional second number making a range ("5 to
 * 10", "between 20 and 30") and an optional trailing hedge ("or more").
 * Numbers that are labels rather than quantities (years, dates, ordinals,
 * clock times, section numbers, phone numbers, versions, codes) are dropped;
 * see exclusions.ts. Offsets are UTF-16 code units into `text`; all spans start
 * and end next to ASCII or currency characters, so they never split a grapheme.
 */

import { boundsFor, type Bound, type Quantity } from './quantity.ts';
import { POST_HEDGES, PRE_HEDGES, SCALE_ABBREVS, SCALE_WORDS, TENS_WORDS, UNITS_WORDS } from './lexicon.ts';
import { CURRENCY_PREFIX, currencyCode, PER_UNIT_WORDS, TIME_UNITS, UNIT_PATTERNS } from './units.ts';
import { readDigits, readWordNumber, type NumberToken } from './numbers.ts';
import { insideMask, isCodeFragment, isDayOfMonth, isReference, maskedSpans, type Span } from './exclusions.ts';
import { sentences, type SentenceSpan } from './sentences.ts';
import { snapRange } from '../text/graphemes.ts';
import { subjectFor } from './subject.ts';

export { sentences } from './sentences.ts';
export type Figure = Quantity & { start: number; end: number; sentenceStart: number; sentenceEnd: number; subject: string };

/** One number with what is written right after it. */
interface Core {
  start: number; // span start (currency symbol or number)
  numStart: number;
  num: NumberToken;
  value: number; // after scale
  scale: number; // 1 when none was written
  unit: string | null; // base unit; null = a bare count
  currency: boolean;
  hyphenUnit: boolean;
  rate: string; // '' or '/day', '/t', '/yoy' ...
  end: number;
  nounHint: string; // words between unit and rate ("of fuel")
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const HEDGE_ALTS = [...PRE_HEDGES].map(([h]) => h).filter((h) => h !== '~').sort((a, b) => b.length - a.length).map(esc).join('|');
const PRE_HEDGE_RE = new RegExp(`(?:^|[^\\p{L}])(${HEDGE_ALTS})\\s+$|(~)\\s*$`, 'iu');
const POST_HEDGE_RE = new RegExp(`\\s+(${POST_HEDGES.map(([h]) => esc(h)).join('|')})(?![\\p{L}])`, 'iuy');
const HEDGE_BOUND = new Map<string, Exclude<Bound, 'exact' | 'range'>>([...PRE_HEDGES, ...POST_HEDGES]);

const NUMBER_WORDS = ['a', 'an', 'half', ...Object.keys(UNITS_WORDS), ...Object.keys(TENS_WORDS)];
const START_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_$€£¥])(?:US\\$|HK\\$|A\\$|C\\$|[$€£¥]|(?:USD|EUR|GBP|JPY|CNY|RMB|HKD|AUD|CAD|CHF|INR)\\s?(?=\\d)|(?<!\\d[.,])\\d|(?:${NUMBER_WORDS.join('|')})(?![\\p{L}]))`,
  'giu',
);
const YUAN_CONTEXT = /yuan|RMB|renminbi|China|Chinese|Beijing|Shanghai|Shenzhen|Guangzhou|Inner Mongolia|Xinjiang|Sichuan/;

/** Finds every figure in `text`. */
export function detectFigures(text: string): Figure[] {
  const masks = maskedSpans(text);
  const sents = sentences(text);
  const out: Figure[] = [];
  START_RE.lastIndex = 0;
  for (let m = START_RE.exec(text); m; m = START_RE.exec(text)) {
    const found = figureAt(text, m.index, masks, sents);
    if (found === null) continue;
    if (typeof found === 'number') {
      START_RE.lastIndex = Math.max(START_RE.lastIndex, found);
      continue;
    }
    out.push(found.figure);
    START_RE.lastIndex = found.resume;
  }
  return out;
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
function figureAt(text: string, pos: number, masks: readonly Span[], sents: readonly SentenceSpan[]): { figure: Figure; resume: number } | number | null {
  const core = readCore(text, pos, masks);
  if (core === null || typeof core === 'number') return core;
  // a 20-year high is a record, not a duration
  if (core.hyphenUnit && core.unit !== null && TIME_UNITS.has(core.unit) && /^\s+(?:high|low|record|peak)\b/i.test(text.slice(core.end, core.end + 8))) return core.end;
  const sent = sentenceAt(sents, core.start, text.length);

  let start = core.start;
  let hedge: string | null = null;
  const before = text.slice(Math.max(0, start - 32), start);
  const hm = PRE_HEDGE_RE.exec(before);
  if (hm) {
    const written = hm[1] ?? hm[2] ?? '';
    const word = written.toLowerCase().replace(/\s+/g, ' ');
    // "spread over five years" is a duration, not "more than five years"
    if (!(word === 'over' && core.unit !== null && TIME_UNITS.has(core.unit) && /(?:ed|spread|run|paid)\s+over\s+$/i.test(before))) {
      hedge = word;
      start -= before.length - before.lastIndexOf(written);
    }
  }
  const between = /(?:^|[^\p{L}])between\s+$/iu.exec(before);
  const fromChange = /(?:^|[^\p{L}])from\s+$/iu.test(before) && !/(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|spann(?:ed|ing))\s+from\s+$/iu.test(before);

  const second = core.rate === '' ? readSecond(text, core, between !== null, masks) : null;
  let q: Pick<Quantity, 'value' | 'lower' | 'upper' | 'unit' | 'bound'>;
  const reading = readingOf(core, text, sent);
  let end: number;
  if (second && !fromChange) {
    if (between) start = core.start - (before.length - before.search(/between\s+$/i));
    q = { value: null, lower: inheritScale(core, second), upper: second.value, unit: unitOf(second, text, sent), bound: 'range' };
    end = second.end;
  } else {
    let unit = unitOf(core, text, sent);
    let value = core.value;
    if (second && core.unit === null) {
      // "rose from 40 to 55 tonnes a day": the first number takes the second's unit
      unit = unitOf(second, text, sent);
      value = inheritScale(core, second);
    }
    q = { value, lower: value, upper: value, unit, bound: 'exact' };
    end = core.end;
  }
  if (hedge === null) {
    const post = postHedge(text, end);
    if (post) {
      hedge = post.hedge;
      end = post.end;
    }
  }
  if (q.bound !== 'range' && hedge !== null) {
    const bound = HEDGE_BOUND.get(hedge) ?? 'exact';
    q = { ...q, bound, ...boundsFor(q.value ?? 0, bound) };
  }
  // never end a span inside a grapheme cluster (a combining mark or emoji modifier after the figure)
  if (text.charCodeAt(end) > 0x7f) end = snapRange(text, start, end).end;

  const figure: Figure = { ...q, hedge, raw: text.slice(start, end), kind: 'level', asOf: null, reading, start, end, sentenceStart: sent.start, sentenceEnd: Math.max(sent.end, end), subject: '' };
  figure.subject = subjectFor(text, figure, core.nounHint);
  return { figure, resume: q.bound === 'range' ? end : core.end };
}

/** "10% or more", and "40 ships or fewer" with one noun in between. */
function postHedge(text: string, end: number): { hedge: string; end: number } | null {
  for (const lead of [/(?:)/uy, /[ \u00A0]+[a-z][a-z-]*(?=\s+or\s)/uy]) {
    lead.lastIndex = end;
    if (!lead.exec(text)) continue;
    POST_HEDGE_RE.lastIndex = lead.lastIndex;
    const m = POST_HEDGE_RE.exec(text);
    if (m) return { hedge: (m[1] ?? '').toLowerCase().replace(/\s+/g, ' '), end: POST_HEDGE_RE.lastIndex };
  }
  return null;
}

/** Says how an ambiguous currency sign was read, or null. */
function readingOf(core: Core, text: string, sent: SentenceSpan): string | null {
  if (!core.currency || text.slice(core.start, core.start + 1) !== '¥') return null;
  return YUAN_CONTEXT.test(text.slice(sent.start, sent.end)) ? '¥ read as yuan: the sentence is about China' : '¥ read as yen';
}

function unitOf(core: Core, text: string, sent: SentenceSpan): string {
  let base = core.unit ?? 'count';
  if (base === 'JPY' && core.currency && text.slice(core.start, core.start + 1) === '¥' && YUAN_CONTEXT.test(text.slice(sent.start, sent.end))) base = 'CNY';
  return base + core.rate;
}

/** The second number of a range: "5 to 10 MW", "5-10%", "between 20 and 30". */
function readSecond(text: string, first: Core, between: boolean, masks: readonly Span[]): Core | null {
  const conn = /\s*[-–—]\s*|\s+to\s+|\s+and\s+/y;
  conn.lastIndex = first.end;
  const m = conn.exec(text);
  if (!m) return null;
  const word = m[0].trim();
  if (word === 'and' && !between) return null;
  if (/[-–—]/.test(word) && first.num.kind !== 'digits') return null;
  const second = readCore(text, conn.lastIndex, masks, first.currency ? first.unit : null);
  if (second === null || typeof second === 'number') return null;
  if (/[-–—]/.test(word) && second.num.kind !== 'digits') return null;
  if (first.unit !== null && first.unit !== second.unit) return null;
  if (first.currency !== second.currency && first.unit !== null) return null;
  return inheritScale(first, second) < second.value ? second : null;
}

/**
 * "5 to 10 million": an unscaled first number borrows the second's scale when
 * the result stays below the second ("500 to 2 million" keeps its 500).
 */
function inheritScale(first: Core, second: Core): number {
  return second.scale !== 1 && first.scale === 1 && first.value * second.scale <= second.value ? first.value * second.scale : first.value;
}

// ---------------------------------------------------------------------------
// Number + scale + unit + rate

/** Reads one number and what follows it; a number means "skip to here", null "nothing here". */
function readCore(text: string, pos: number, masks: readonly Span[], assumedCurrency: string | null = null): Core | number | null {
  let q = pos;
  // the second number of "$5-10m" is in dollars too, which makes its "m" a million
  let currency: string | null = assumedCurrency;
  CURRENCY_PREFIX.lastIndex = q;
  const cm = CURRENCY_PREFIX.exec(text);
  if (cm && /\d/.test(text[CURRENCY_PREFIX.lastIndex] ?? '')) {
    currency = currencyCode(cm[0]);
    q = CURRENCY_PREFIX.lastIndex;
  }
  const numStart = q;
  if (insideMask(masks, numStart)) return skipToken(text, numStart);
  const isDigit = /\d/.test(text[q] ?? '');
  const num = isDigit ? readDigits(text, q) : currency ? null : readWordNumber(text, q);
  if (!num) return null;
  q = num.end;

  if (isDigit) {
    // "0199": a leading zero before more digits marks a code or phone number, not a quantity
    if (/^0\d/.test(num.text)) return skipToken(text, numStart);
    if (isCodeFragment(text, numStart)) return skipToken(text, numStart);
    if (/^(?:st|nd|rd|th)(?![\p{L}])/iu.test(text.slice(q, q + 3))) return skipToken(text, numStart);
    if (isReference(text, pos)) return skipToken(text, numStart);
    if (isDayOfMonth(text, numStart, q, num.value)) return q;
  }

  // scale
  let scale = 1;
  if (!num.scaled && num.kind !== 'fraction') {
    const rest = text.slice(q, q + 24);
    let sm: RegExpExecArray | null;
    if ((sm = /^\s?(thousand|million|billion|trillion)(?![\p{L}])/iu.exec(rest))) {
      scale = SCALE_WORDS[sm[1]!.toLowerCase()] ?? 1;
      q += sm[0].length;
    } else if (isDigit && (sm = /^(k|mn|mln|bn|bln|tn|trn)(?![\p{L}\p{N}])|^\s(mn|mln|bn|bln|tn|trn)(?![\p{L}\p{N}])/iu.exec(rest))) {
      scale = SCALE_ABBREVS[(sm[1] ?? sm[2])!.toLowerCase()] ?? 1;
      q += sm[0].length;
    } else if (isDigit && (sm = /^\s?[mM](?![\p{L}\p{N}])/u.exec(rest))) {
      // "$3m" and "3m tonnes" are millions; "300m deep" is metres
      const after = text.slice(q + sm[0].length, q + sm[0].length + 30);
      if (currency || /^\s+(?:(?:metric\s+)?tonnes?|tons?|barrels?|cubic|people|users|households|workers|residents|customers|units|vehicles|[a-z]+s)(?![\p{L}])/u.test(after)) {
        if (!/^\s+(?:is|was|has|as|its|this|thus|across|towards|plus|minus)\b/.test(after)) {
          scale = 1e6;
          q += sm[0].length;
        }
      }
    } else if (isDigit && currency && (sm = /^[bB](?![\p{L}\p{N}])/u.exec(rest))) {
      scale = 1e9;
      q += sm[0].length;
    }
  }

  // glued letters that are no unit or scale make a code ("5G", "1990s", "3D")
  let unit: string | null = currency;
  let factor = 1;
  let hyphenUnit = false;
  if (num.percent) unit = '%';
  else {
    const u = readUnit(text, q, currency !== null);
    if (u) {
      if (!(currency && isCurrencyUnit(u.unit))) unit = u.unit;
      factor = u.factor;
      hyphenUnit = u.hyphen;
      q = u.end;
    } else if (isDigit && /^\p{L}/u.test(text.slice(q, q + 1)) && q === num.end) {
      return skipToken(text, numStart);
    }
  }
  let value = num.value * scale * factor;

  // "one in five", "7 out of 10"
  if (unit === null && scale === 1 && Number.isInteger(num.value) && num.value > 0) {
    const rm = /^\s+(?:in|out\s+of)\s+(?:every\s+)?/iu.exec(text.slice(q, q + 20));
    if (rm) {
      const p2 = q + rm[0].length;
      const den = /\d/.test(text[p2] ?? '') ? readDigits(text, p2) : readWordNumber(text, p2);
      if (den && den.kind !== 'fraction' && den.value > num.value && den.value <= 1000) {
        value = (num.value / den.value) * 100;
        unit = '%';
        q = den.end;
      }
    }
  }
  // a bare "one" is a pronoun more often than a count ("one of the largest")
  if (num.kind === 'words' && num.value === 1 && unit === null && scale === 1 && !num.scaled) return q;
  if (num.kind === 'fraction' && !fractionInContext(text, pos, num.end)) return num.end;
  if (num.kind === 'digits' && unit === null && scale === 1 && isYear(num)) return q;

  const r = readRate(text, q, unit);
  return {
    start: pos, numStart, num, value, scale: scale * factor, unit, currency: currency !== null, hyphenUnit,
    rate: r?.rate ?? '', end: r?.end ?? q, nounHint: r?.hint ?? '',
  };
}

function isYear(num: NumberToken): boolean {
  return /^\d{4}$/.test(num.text) && num.value >= 1800 && num.value <= 2100;
}

function skipToken(text: string, from: number): number {
  let e = from;
  while (e < text.length && /[\p{L}\p{N}.,:\-/]/u.test(text[e] ?? '')) e++;
  return Math.max(e, from + 1);
}

function isCurrencyUnit(u: string): boolean {
  return /^(?:USD|EUR|GBP|JPY|CNY|HKD|AUD|CAD|CHF|INR)$/.test(u);
}

/** "half" and "a third" are shares only next to what they are a share of. */
function fractionInContext(text: string, start: number, end: number): boolean {
  const prev = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, start - 20), start))?.[1]?.toLowerCase() ?? '';
  if (/^(?:first|second|third|last|other|latter|former|the|top|bottom|upper|lower|back|front|this|that|each|every|northern|southern|eastern|western)$/.test(prev)) return false;
  if (/^-?(?:thirds|quarters|fifths|tenths|halves)/i.test(text.slice(start, end).replace(/^\p{L}+/u, ''))) return true;
  const next = /^\s+(\p{L}+)/u.exec(text.slice(end, end + 20))?.[1]?.toLowerCase() ?? '';
  return /^(?:of|the|its|their|his|her|our|all|that|those|these)$/.test(next) || prev === 'by';
}

function readUnit(text: string, pos: number, hasCurrency: boolean, divisor = false): { unit: string; factor: number; end: number; hyphen: boolean } | null {
  for (const sepRe of divisor ? [/(?:)/y] : [/(?:)/y, /[ \u00A0]/y, /-/y]) {
    sepRe.lastIndex = pos;
    const sm = sepRe.exec(text);
    if (!sm) continue;
    const p = pos + sm[0].length;
    for (const pat of UNIT_PATTERNS) {
      if (sm[0] === '-' && !pat.word) continue;
      if (hasCurrency && pat.unit === 'm') continue;
      // as a divisor, a scaled or subunit pattern ("Mt", "cents") would change the value: skip it
      if (divisor && (pat.factor !== undefined || /^(?:USD|EUR|GBP|JPY|CNY)$/.test(pat.unit))) continue;
      pat.re.lastIndex = p;
      const m = pat.re.exec(text);
      if (!m) continue;
      let unit = pat.unit;
      if (unit === '$&') unit = m[0];
      else if (unit.startsWith('$1')) {
        const pre = m[1] ?? '';
        unit = (pre.toLowerCase() === 'k' ? 'k' : pre.toUpperCase()) + unit.slice(2);
      }
      return { unit, factor: pat.factor ?? 1, end: pat.re.lastIndex, hyphen: sm[0] === '-' };
    }
  }
  return null;
}

// "8% a year earlier" is a comparison, not a rate. "a day after" is temporal for
// percentages ("fell 5% a day after the ban") but a rate for amounts ("55 tonnes a
// day after the upgrade"), where a per-day reading is the natural one.
const NOT_RATE_AFTER = /^\s+(?:earlier|ago|later|since|from|of|back|prior)(?![\p{L}])/iu;
const TEMPORAL_AFTER = /^\s+(?:before|after)(?![\p{L}])/iu;
const TIME_ADVERBS: Record<string, string> = { daily: '/day', weekly: '/week', monthly: '/month', annually: '/year', yearly: '/year', hourly: '/hour' };
const HINT_STOP = /^(?:and|or|but|to|from|than|in|on|at|by|with|which|that|the|a|an|for|as|is|was|were|are|will|would|per|each|every|while|after|before|during|since)$/;

function perWord(word: string): string | null {
  for (const [re, unit] of PER_UNIT_WORDS) if (re.test(word)) return unit;
  return null;
}

/** A rate right after the unit, or after up to three words ("tonnes of fuel a month"). */
function readRate(text: string, pos: number, unit: string | null): { rate: string; end: number; hint: string } | null {
  const direct = rateAt(text, pos, unit);
  if (direct) return { ...direct, hint: '' };
  const wordRe = /[ \u00A0]+([a-z][a-z-]*)(?![\p{L}\p{N}])/uy;
  let q = pos;
  const hint: string[] = [];
  for (let i = 0; i < 3; i++) {
    wordRe.lastIndex = q;
    const m = wordRe.exec(text);
    if (!m) return null;
    const w = m[1] ?? '';
    if (w === 'of' ? i !== 0 : HINT_STOP.test(w)) return null;
    if (w !== 'of') hint.push(w);
    q = wordRe.lastIndex;
    const r = rateAt(text, q, unit);
    if (r && !r.rate.startsWith('/yoy') && hint.length > 0) return { ...r, hint: hint.join(' ') };
  }
  return null;
}

function rateAt(text: string, pos: number, unit: string | null): { rate: string; end: number } | null {
  const first = oneRate(text, pos, unit);
  if (!first || first.rate === '/yoy') return first;
  // a second rate chains: "$0.06 per TH/s per day"
  const second = oneRate(text, first.end, unit);
  return second && second.rate !== '/yoy' ? { rate: first.rate + second.rate, end: second.end } : first;
}

function oneRate(text: string, pos: number, unit: string | null): { rate: string; end: number } | null {
  const rest = text.slice(pos, pos + 48);
  let m = /^,?\s+(?:year[- ]on[- ]year|year[- ]over[- ]year|y\/y|yoy|on the year)(?![\p{L}])/iu.exec(rest);
  if (m) return { rate: '/yoy', end: pos + m[0].length };
  m = /^\s?\/\s?(day|d|week|month|year|yr|hour|h|tonne|barrel)(?![\p{L}])/u.exec(rest);
  if (!m) {
    // "$1.20/kg", "12 kWh/day": any written unit after a slash divides
    const slash = /^\s?\/\s?/u.exec(rest);
    const u = slash ? readUnit(text, pos + slash[0].length, false, true) : null;
    if (u) return { rate: '/' + u.unit, end: u.end };
  }
  if (m) {
    const short: Record<string, string> = { d: 'day', yr: 'year', h: 'hour', tonne: 't', barrel: 'bbl' };
    return { rate: '/' + (short[m[1]!] ?? m[1]!), end: pos + m[0].length };
  }
  m = /^\s+(daily|weekly|monthly|annually|yearly|hourly)(?![\p{L}])/iu.exec(rest);
  if (m) return { rate: TIME_ADVERBS[m[1]!.toLowerCase()] ?? '', end: pos + m[0].length };
  m = /^\s+(per|a|an|each|every)\s+/iu.exec(rest);
  if (!m) return null;
  const lead = m[1]!.toLowerCase();
  const wordStart = pos + m[0].length;
  // a written unit after "per"/"a" ("per kWh", "a tonne", "per TH/s") divides
  const u = readUnit(text, wordStart, false, true);
  const word = /^\p{L}[\p{L}-]*/u.exec(text.slice(wordStart, wordStart + 32))?.[0] ?? '';
  const tail = text.slice(u ? u.end : wordStart + word.length, wordStart + 64);
  if (NOT_RATE_AFTER.test(tail) || (lead !== 'per' && (unit === '%' || unit === 'pp') && TEMPORAL_AFTER.test(tail))) return null;
  if (u && u.unit !== '%' && u.unit !== 'pp') return { rate: '/' + u.unit, end: u.end };
  if (!word) return null;
  const known = perWord(word);
  if (known) return { rate: '/' + known, end: wordStart + word.length };
  // "a", "each", "every" only make rates with time and unit words ("a day", "a tonne");
  // "per" makes a rate with any noun ("per container")
  if (lead !== 'per' || word.toLowerCase() === 'cent') return null;
  return { rate: '/' + singular(word.toLowerCase()), end: wordStart + word.length };
}

function singular(w: string): string {
  if (/ies$/.test(w)) return w.slice(0, -3) + 'y';
  if (/(?:ch|sh|ss|x)es$/.test(w)) return w.slice(0, -2);
  if (/[^su]s$/.test(w)) return w.slice(0, -1);
  return w;
}
