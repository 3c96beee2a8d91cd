/**
 * Non-figures: numbers that are labels, not quantities.
 *
 * Two mechanisms. Some shapes are recognisable from the characters alone (phone
 * numbers, clock times, numeric dates, year ranges like "2019-20", dotted version
 * numbers); those spans are masked before scanning so no figure may start inside
 * them. Others depend on the word next to the number ("Section 4.2", "May 24",
 * "51st", "A320"); those are checked per candidate.
 */

import { MONTHS, REFERENCE_NOUNS } from './lexicon.ts';

export type Span = readonly [number, number];

const LB = '(?<![\\p{L}\\p{N},.$€£¥])';
const MONTH_ALT = MONTHS.join('|');
const AGE_N =
  '(?:\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\\p{L}+)?)';
const SCORE = /(?<![\p{N}.,\-–/$€£¥])\d{1,3}\s?[-–]\s?\d{1,3}(?:,\s*\d{1,3}\s?[-–]\s?\d{1,3})*(?![\p{N}%]|[.,]\d|\s?(?:%|per|million|billion|bn|m\b|k\b))/gu;
const SCORE_CONTEXT_BEFORE =
  /(?:^|[^\p{L}])(?:won|win|wins|winning|lost|lose|loses|losing|beat|beats|beating|drew|draw|draws|drawing|defeated|defeat|thrashed|edged|voted|vote|votes|passed|approved|rejected|ruled|led|leads|leading|trailed|trailing|scored|scoreline)(?![\p{L}])/iu;
const SCORE_CONTEXT_AFTER = /^\s+(?:win|wins|victory|defeat|draw|loss|lead|home|away|scoreline|ruling|decision|vote|verdict|majority)(?![\p{L}])/iu;

const MASKS: ReadonlyArray<{ re: RegExp; keep?: (m: RegExpExecArray) => boolean }> = [
  // phone numbers: international form, bracketed area code, or 3+3+4 groups
  { re: new RegExp(`${LB}\\+\\d{1,3}(?:[ .-]\\(?\\d{1,4}\\)?){2,5}`, 'gu') },
  { re: new RegExp(`${LB}\\(\\d{2,4}\\)\\s?\\d{3,4}[ .-]\\d{3,4}`, 'gu') },
  { re: new RegExp(`${LB}\\d{2,4}[ .-]\\d{3,4}[ .-]\\d{4}(?!\\d)`, 'gu') },
  // a short local number "555-0199"; a round ascending pair like "500-1000" stays a range
  {
    re: new RegExp(`${LB}(\\d{3})[.-](\\d{4})(?![\\d%])`, 'gu'),
    keep: (m) => !(Number(m[2]) > Number(m[1]) && !(m[2] ?? '').startsWith('0') && (m[2] ?? '').endsWith('0')),
  },
  // clock times
  { re: /(?<![\p{N}.,])\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?![\p{N}])/giu, keep: (m) => /:|[ap]\.?m/i.test(m[0]) },
  { re: /(?<![\p{N}.,])\d{1,2}\s?(?:a\.m\.?|p\.m\.?|am|pm)(?![\p{L}])/giu },
  { re: /(?<![\p{N}.,])\d{1,2}\s+o['’]clock/giu },
  // numeric dates
  { re: /(?<![\p{N}])\d{4}-\d{1,2}-\d{1,2}(?![\p{N}])/gu },
  { re: /(?<![\p{N}.,])\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?![\p{N}])/gu },
  // year ranges "2019-20", "2019–2021", "2019/20"
  {
    re: /(?<![\p{N}.,])(1[89]\d{2}|20\d{2})\s?[-–/]\s?(\d{4}|\d{2})(?![\p{N}%])/gu,
    keep: (m) => (m[2] ?? '').length === 2 || (Number(m[2]) > Number(m[1]) && Number(m[2]) <= 2100),
  },
  // slashed pairs: "24/7", "9/11" (short dates and slogans, not quantities)
  { re: /(?<![\p{N}.,/])\d{1,2}\/\d{1,2}(?![\p{N}/])/gu },
  // dotted version numbers and addresses "3.2.1"
  { re: /(?<![\p{N}.])\d+\.\d+\.\d+(?:\.\d+)*/gu },
  // North American numbers with a leading 1: "1-800-555-0148"
  { re: new RegExp(`${LB}1[-. ]\\(?\\d{3}\\)?[-. ]\\d{3}[-. ]\\d{4}(?!\\d)`, 'gu') },
  // date ranges: "May 19-21", "June 6 to 8", "14-16 March"
  { re: new RegExp(`(?<![\\p{L}])(?:${MONTH_ALT})\\.?\\s+\\d{1,2}\\s?(?:[-–]|to|through|and)\\s?\\d{1,2}(?![\\p{N}%])`, 'gu') },
  { re: new RegExp(`(?<![\\p{N}.,])\\d{1,2}(?:st|nd|rd|th)?(?:\\s?[-–]\\s?|\\s+(?:to|and|or|through)\\s+)\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTH_ALT})(?![\\p{L}])`, 'gu') },
  // return periods: "a 1-in-100-year flood", "a one in 200 year storm"
  { re: /(?<![\p{L}\p{N}])(?:1|one)[- ]in[- ](?:a[- ])?\d[\d,]*[- ]years?(?![\p{L}])/giu },
  // allocation and odds ratios "randomised 2:1", "3:1 odds": single digits either side of a colon (a clock has two after it)
  { re: /(?<![\p{N}.,:])\d{1,2}:\d(?![\p{N}:])/gu },
  // scores and vote tallies: "won 3-1", "a 2-0 win", "voted 52-47", "6-3, 6-4, 7-6"
  {
    re: SCORE,
    keep: (m) => SCORE_CONTEXT_BEFORE.test(m.input.slice(Math.max(0, m.index - 40), m.index)) || SCORE_CONTEXT_AFTER.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 16)),
  },
  // ages: "aged 18 to 24", "aged between 19 and 23", "aged 50 and older", "ages 5 to 11"
  { re: new RegExp(`(?<![\\p{L}])(?:aged|ages?)\\s+(?:between\\s+)?${AGE_N}(?:\\s*(?:-|–|to|and|or)\\s*${AGE_N})?(?:\\s+(?:and|or)\\s+(?:over|older|above|under|younger|up))?`, 'giu') },
  // people by age: "adults 20 and over", "those over 65", "children under 12"
  {
    re: new RegExp(
      `(?<![\\p{L}])(?:adults?|people|persons|those|residents|children|kids|voters|pupils|students|men|women|patients|workers|drivers|anyone|everyone|pensioners|individuals|girls|boys)\\s+(?:(?:aged\\s+)?(?:over|under|above|below)\\s+${AGE_N}|${AGE_N}\\s+(?:and|or)\\s+(?:over|older|above|under|younger))(?![\\p{N}]|[.,]\\d|\\s*(?:%|per|percent|million|thousand|billion|years?\\s+of))`,
      'giu',
    ),
  },
];

/** Character spans where no figure may start. */
export function maskedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const { re, keep } of MASKS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!keep || keep(m)) spans.push([m.index, m.index + m[0].length]);
    }
  }
  // merged into sorted, disjoint spans so a lookup is a binary search
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of spans) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

export function insideMask(spans: readonly Span[], pos: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid]!;
    if (pos < s) hi = mid - 1;
    else if (pos >= e) lo = mid + 1;
    else return true;
  }
  return false;
}

const REF_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${REFERENCE_NOUNS.join('|')})\\.?\\s*$|[#§№]\\s*$`, 'iu');

/** "Section 4.2", "Article 17", "No. 5", "#3": the number names a thing. */
export function isReference(text: string, start: number): boolean {
  return REF_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

/**
 * "acquitted on count 3", "counts 2 and 4": the charge numbers of an indictment. Only a one- or
 * two-digit number, since "the claimant count 23,400" and "a body count of 140" are figures.
 */
export function isChargeNumber(text: string, start: number, written: string): boolean {
  return /^\d{1,2}$/.test(written) && /(?:^|[^\p{L}])counts?\s+$/iu.test(text.slice(Math.max(0, start - 12), start));
}

const MONTH_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${MONTHS.join('|')})\\.?\\s+$`, 'u');
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS.join('|')})(?![\\p{L}])`, 'u');

/** "May 24", "24 May", "14 March 2022": a day of the month. Month names must be capitalised ("may" is a verb). */
export function isDayOfMonth(text: string, numStart: number, numEnd: number, value: number): boolean {
  if (!Number.isInteger(value) || value < 1 || value > 31) return false;
  return MONTH_BEFORE.test(text.slice(Math.max(0, numStart - 12), numStart)) || MONTH_AFTER.test(text.slice(numEnd, numEnd + 16));
}

/**
 * A number inside an alphanumeric code: a letter right before the digits, also
 * across a hyphen or slash ("A320", "COVID-19", "BX-2207-14", "Q3", "v2.4").
 */
export function isCodeFragment(text: string, numStart: number): boolean {
  const before = text.slice(Math.max(0, numStart - 2), numStart);
  if (/\p{L}$/u.test(before)) return true;
  // "a magnitude-6.4 quake": a measure joined to its value, not a code
  if (/magnitude-$/i.test(text.slice(Math.max(0, numStart - 10), numStart))) return false;
  if (/[\p{L}\p{N}][-/]$/u.test(before)) {
    // walk back over the whole token: a letter anywhere in it makes it a code
    let s = numStart;
    while (s > 0 && /[\p{L}\p{N}\-/]/u.test(text[s - 1] ?? '')) s--;
    return /\p{L}/u.test(text.slice(s, numStart));
  }
  return false;
}

/** After a label number ("Scope 1", "routes 12"), the numbers it lists too: "Scope 1 and 2", "junctions 2 and 3". */
export function skipLabel(text: string, from: number): number {
  const more = /(?:\s*(?:,|and|or|&|\/)\s*\d{1,4}(?![\d.,]?\d|\s*%))*/y;
  more.lastIndex = from;
  more.exec(text);
  return Math.max(more.lastIndex, from);
}
