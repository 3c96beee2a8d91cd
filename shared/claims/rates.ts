/**
 * Rates written after a quantity: "per day", "a tonne", "/kg", "daily",
 * "year on year", "month-on-month", "q/q", chained ("$0.06 per TH/s per day")
 * or after a few words ("tonnes of CO2 emissions each year").
 */

import { PER_UNIT_WORDS } from './units.ts';
import { readUnit } from './read-unit.ts';

// "8% a year earlier" is a comparison, not a rate. "a day after" is temporal for
// percentages ("fell 5% a day after the ban") but a rate for amounts ("55 tonnes a
// day after the upgrade"), where a per-day reading is the natural one.
// ("£12.21 an hour from April" is a rate: "from" before a date starts it, it does not compare)
const NOT_RATE_AFTER =
  /^\s+(?:earlier|ago|later|since|from(?!\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|next|\d{4})(?![\p{L}]))|of|back|prior)(?![\p{L}])/iu;
const TEMPORAL_AFTER = /^\s+(?:before|after)(?![\p{L}])/iu;
const TIME_ADVERBS: Record<string, string> = { daily: '/day', weekly: '/week', monthly: '/month', annually: '/year', yearly: '/year', hourly: '/hour' };
const HINT_STOP = /^(?:and|or|but|to|from|than|in|on|at|by|with|which|that|the|a|an|for|as|is|was|were|are|will|would|per|each|every|while|after|before|during|since)$/i;

function perWord(word: string): string | null {
  for (const [re, unit] of PER_UNIT_WORDS) if (re.test(word)) return unit;
  return null;
}

/** A rate right after the unit, or after up to three words ("tonnes of fuel a month", "tonnes of CO2 emissions each year"). */
export function readRate(text: string, pos: number, unit: string | null): { rate: string; end: number; hint: string } | null {
  const direct = rateAt(text, pos, unit);
  if (direct) return { ...direct, hint: '' };
  const wordRe = /[ \u00A0]+([\p{L}][\p{L}\p{N}-]*)(?![\p{L}\p{N}])/uy;
  let q = pos;
  const hint: string[] = [];
  for (let i = 0; i < 3; i++) {
    wordRe.lastIndex = q;
    const m = wordRe.exec(text);
    if (!m) return null;
    const w = m[1] ?? '';
    // a capitalised word after the first is a new clause or a name, not what is counted
    if (w === 'of' ? i !== 0 : HINT_STOP.test(w) || (i === 0 && /^\p{Lu}\p{Ll}/u.test(w))) return null;
    if (w !== 'of') hint.push(w);
    q = wordRe.lastIndex;
    const r = rateAt(text, q, unit);
    if (r && !/^\/(?:yoy|mom|qoq|wow)/.test(r.rate) && hint.length > 0) return { ...r, hint: hint.join(' ') };
  }
  return null;
}

const CLAUSE_RATE = /^(?:[ \u00A0]+[\p{L}'’-]+){1,6}?[ \u00A0]+(?:each|every|per)[ \u00A0]+(day|week|month|year)(?=\s*[.,;:!?)]|\s*$)/iu;

/**
 * "1,500 trucks crossed the border each day": a bare count whose clause ends with "each day",
 * "every week" or "per year" counts per that period. Only the rate is returned: the figure's span
 * stays the number, since the words between are the clause, not the unit.
 */
export function clauseRate(text: string, pos: number): string | null {
  const window = text.slice(pos, pos + 80);
  // most counts have no "each"/"every"/"per" after them: settle those without the pattern
  if (!/\b(?:each|every|per)\s/i.test(window)) return null;
  const m = CLAUSE_RATE.exec(window);
  return m ? '/' + m[1]!.toLowerCase() : null;
}

const CHANGE_RATES = new Set(['/yoy', '/mom', '/qoq', '/wow']);

function rateAt(text: string, pos: number, unit: string | null): { rate: string; end: number } | null {
  const first = oneRate(text, pos, unit);
  if (!first || CHANGE_RATES.has(first.rate)) return first;
  // a second rate chains: "$0.06 per TH/s per day"
  const second = oneRate(text, first.end, unit);
  return second && !CHANGE_RATES.has(second.rate) ? { rate: first.rate + second.rate, end: second.end } : first;
}

// period-on-period changes: "year on year", "month-on-month", "q/q", "week over week"
const PERIOD_ON_PERIOD = /^,?\s+(?:(year|month|quarter|week)[- ](?:on|over)[- ](?:year|month|quarter|week)|(y|m|q|w)\/\2|(yoy|mom|qoq|wow)|on the (year))(?![\p{L}])/iu;
const PERIOD_RATE: Record<string, string> = {
  year: '/yoy',
  y: '/yoy',
  yoy: '/yoy',
  month: '/mom',
  m: '/mom',
  mom: '/mom',
  quarter: '/qoq',
  q: '/qoq',
  qoq: '/qoq',
  week: '/wow',
  w: '/wow',
  wow: '/wow',
};

function oneRate(text: string, pos: number, unit: string | null): { rate: string; end: number } | null {
  const rest = text.slice(pos, pos + 48);
  let m = PERIOD_ON_PERIOD.exec(rest);
  if (m) {
    const key = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').toLowerCase();
    return { rate: PERIOD_RATE[key] ?? '/yoy', end: pos + m[0].length };
  }
  // "157.8 to the dollar": an exchange rate written with "to" (resolved to a currency pair in readings.ts)
  if (unit === null && (m = /^\s+to\s+the\s+(dollar|euro|pound)(?![\p{L}])/iu.exec(rest))) return { rate: '/' + m[1]!.toLowerCase(), end: pos + m[0].length };
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
  // "1.4 billion monthly active users" counts users, "£40 weekly allowance" is a weekly amount
  if (m && !(unit === null && /^\s+\p{Ll}/u.test(rest.slice(m[0].length)))) return { rate: TIME_ADVERBS[m[1]!.toLowerCase()] ?? '', end: pos + m[0].length };
  m = /^\s+(per|a|an|each|every)\s+/iu.exec(rest);
  if (!m) return null;
  const lead = m[1]!.toLowerCase();
  const wordStart = pos + m[0].length;
  // a written unit after "per"/"a" ("per kWh", "a tonne", "per TH/s") divides
  const u = readUnit(text, wordStart, false, true);
  const word = /^\p{L}[\p{L}-]*/u.exec(text.slice(wordStart, wordStart + 32))?.[0] ?? '';
  const tail = text.slice(u ? u.end : wordStart + word.length, wordStart + 64);
  // "of" after a written unit names what is measured ("$0.42 per litre of milk", "50 tonnes a
  // day of ore"): still a rate; after another word it makes a share ("5% a quarter of sales")
  const ofStuff = u !== null && u.unit !== '%' && u.unit !== 'pp' && /^\s+of\s+\p{L}/u.test(tail);
  if ((NOT_RATE_AFTER.test(tail) && !ofStuff) || (lead !== 'per' && (unit === '%' || unit === 'pp') && TEMPORAL_AFTER.test(tail))) return null;
  if (u && u.unit !== '%' && u.unit !== 'pp' && u.unit !== 'pt') return { rate: '/' + u.unit, end: u.end };
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
