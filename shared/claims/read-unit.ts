/**
 * Reading a unit written right after a number ("%", "GW", "basis points",
 * "-megawatt", "46.8C"), or after "per" / "/" as a divisor, from the patterns
 * in units.ts, trying only those that can start with the next character.
 */

import { UNIT_PATTERNS, type UnitPattern } from './units.ts';

/**
 * The patterns that may start with a given character, so that reading a unit tries a
 * handful of patterns instead of all of them (unit reading ran for every candidate
 * number and was the largest cost of detection).
 */
const BY_FIRST = new Map<string, UnitPattern[]>();
const ANY_FIRST: UnitPattern[] = [];
for (const pat of UNIT_PATTERNS) {
  const firsts = firstChars(pat.re);
  if (firsts === null) ANY_FIRST.push(pat);
  else for (const c of firsts) BY_FIRST.set(c, [...(BY_FIRST.get(c) ?? []), pat]);
}
/** Candidate first characters of each top-level alternative (lower-cased), or null when unsure. */
function firstChars(re: RegExp): Set<string> | null {
  let src = re.source.startsWith('(?:') && re.source.includes(')(?!') ? re.source.slice(3, re.source.lastIndexOf(')(?!')) : re.source;
  const out = new Set<string>();
  let depth = 0;
  let alt = '';
  const alts: string[] = [];
  for (const ch of src) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      alts.push(alt);
      alt = '';
    } else alt += ch;
  }
  alts.push(alt);
  for (const a of alts) {
    const c = a[0];
    if (c === undefined || c === '(' || c === '[' || c === '\\' || c === '.') return null;
    out.add(c.toLowerCase());
  }
  src = '';
  return out;
}
function patternsFor(c: string): readonly UnitPattern[] {
  const list = BY_FIRST.get(c.toLowerCase());
  if (!list) return ANY_FIRST;
  return ANY_FIRST.length ? UNIT_PATTERNS.filter((p) => list.includes(p) || ANY_FIRST.includes(p)) : list;
}
const PATTERN_CACHE = new Map<string, readonly UnitPattern[]>();

export function readUnit(text: string, pos: number, hasCurrency: boolean, divisor = false): { unit: string; factor: number; end: number; hyphen: boolean; pattern: UnitPattern } | null {
  for (const sepRe of divisor ? [/(?:)/y] : [/(?:)/y, /[ \u00A0]/y, /-/y]) {
    sepRe.lastIndex = pos;
    const sm = sepRe.exec(text);
    if (!sm) continue;
    const p = pos + sm[0].length;
    const c = text[p];
    if (c === undefined || /[\s\d,.;:!?)"'”’]/.test(c)) continue;
    let cands = PATTERN_CACHE.get(c);
    if (!cands) PATTERN_CACHE.set(c, (cands = patternsFor(c)));
    for (const pat of cands) {
      if (sm[0] === '-' && !pat.word) continue;
      if (pat.glued && sm[0] !== '') continue;
      if (hasCurrency && (pat.unit === 'm' || pat.glued)) continue;
      // as a divisor, a scaled or subunit pattern ("Mt", "cents") would change the value: skip it
      if (divisor && (pat.factor !== undefined || pat.rated || pat.glued || /^(?:USD|EUR|GBP|JPY|CNY)$/.test(pat.unit))) continue;
      pat.re.lastIndex = p;
      const m = pat.re.exec(text);
      if (!m) continue;
      let unit = pat.unit;
      if (unit === '$&') unit = m[0];
      else if (unit.startsWith('$1')) {
        const pre = m[1] ?? '';
        unit = (pre.toLowerCase() === 'k' ? 'k' : pre.toUpperCase()) + unit.slice(2);
      }
      return { unit, factor: pat.factor ?? 1, end: pat.re.lastIndex, hyphen: sm[0] === '-', pattern: pat };
    }
  }
  return null;
}
