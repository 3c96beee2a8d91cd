/**
 * Reading the hedge around a number: the words before it ("almost", "in the
 * region of", "p < "), the words after it ("or more", ", give or take"), and
 * whether a hedge word really is one where it stands ("over five years" is a
 * span, "handed over 40 jets" a phrasal verb). figures.ts applies the bound.
 */

import type { Bound } from './quantity.ts';
import { COMMA_POST_HEDGES, IMPLIED_HEDGES, POST_HEDGES, PRE_HEDGES } from './lexicon.ts';
import { TIME_UNITS } from './units.ts';
import type { Core } from './read-core.ts';

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const SYMBOLS = new Set(['~', '<', '>', '≤', '≥', '<=', '>=']);
const PRE_HEDGE_WORDS = new Set(PRE_HEDGES.map(([h]) => h).filter((h) => !SYMBOLS.has(h)));
// the longest hedge ending in each word: a word before the number that ends no hedge ("the", "was") is
// settled by one lookup, and "of" is the only word that needs five ("something in the region of")
const MAX_WORDS_ENDING = new Map<string, number>();
for (const h of PRE_HEDGE_WORDS) {
  const ws = h.split(' ');
  MAX_WORDS_ENDING.set(ws.at(-1)!, Math.max(MAX_WORDS_ENDING.get(ws.at(-1)!) ?? 0, ws.length));
}
export const HEDGE_BOUND = new Map<string, Exclude<Bound, 'exact' | 'range'>>([...PRE_HEDGES, ...POST_HEDGES, ...IMPLIED_HEDGES]);
// a comparison sign right before the number; never the tip of an arrow ("->", "=>")
const SYMBOL_BEFORE = /(?:^|[^-=<>])(<=|>=|[~<>≤≥])\s*$/u;
// hedges that may stand before an article: "roughly a 40% increase", "more than a 10% stake". Not the words
// that are prepositions there ("worries about a 5% cut", "talks around a 2% rise", "some a"): they hedge nothing
const PREPOSITIONS = new Set(['about', 'around', 'near', 'some', 'over', 'under', 'below', 'above', 'past', 'estimated', 'an estimated']);
const ACROSS_ARTICLE = new Set(
  PRE_HEDGES.filter(([h, b]) => (b === 'approximate' || b === 'near-below' || b === 'near-above') && !PREPOSITIONS.has(h))
    .map(([h]) => h)
    .concat(['more than', 'less than', 'up to', 'at least', 'at most', 'as much as', 'no more than']),
);

/** The hedge words ending at `before`'s end, as written, read from the last few words, longest first. */
function hedgeWords(before: string): string | null {
  if (!/\s$/.test(before)) return null;
  let e0 = before.length;
  while (e0 > 0 && /\s/.test(before[e0 - 1]!)) e0--;
  let s0 = e0;
  while (s0 > 0 && !/\s/.test(before[s0 - 1]!)) s0--;
  const maxWords =
    MAX_WORDS_ENDING.get(
      before
        .slice(s0, e0)
        .replace(/^[("“‘'[]+/u, '')
        .toLowerCase(),
    ) ?? 0;
  if (maxWords === 0) return null;
  const starts: number[] = [];
  let i = before.length;
  for (let n = 0; n < maxWords; n++) {
    while (i > 0 && /\s/.test(before[i - 1]!)) i--;
    const e = i;
    while (i > 0 && !/\s/.test(before[i - 1]!)) i--;
    if (i === e) break;
    starts.push(i);
  }
  for (let n = starts.length - 1; n >= 0; n--) {
    const at = starts[n]!;
    // a hedge starts a word: "(almost" reads as "almost"
    const written = before
      .slice(at)
      .replace(/^[("“‘'[]+/u, '')
      .trimEnd();
    if (PRE_HEDGE_WORDS.has(written.toLowerCase().replace(/\s+/g, ' '))) return written;
  }
  return null;
}

/**
 * The hedge written right before `before`'s end ("almost ", "as much as ", "~",
 * "p < "), as written, or null. Reads the last few words backwards and looks them
 * up (a scan of every hedge at every position was the slowest step of detection).
 * An adverbial hedge may stand before an article: "roughly a 40% increase".
 */
export function preHedge(before: string): string | null {
  // the last character before any spaces decides cheaply whether a sign or an article can be there
  let k = before.length - 1;
  while (k >= 0 && (before[k] === ' ' || before[k] === '\u00A0')) k--;
  const last = before[k];
  if (last === '~' || last === '<' || last === '>' || last === '≤' || last === '≥' || last === '=') {
    const sym = SYMBOL_BEFORE.exec(before);
    if (sym) return sym[1]!;
  }
  // "c.4,500": circa written against the number
  if (last === '.' && k === before.length - 1 && /(?:^|[\s(])c\.$/i.test(before)) return before.slice(-2);
  const direct = hedgeWords(before);
  if (direct !== null || (last !== 'a' && last !== 'n' && last !== 'A' && last !== 'N')) return direct;
  const art = /\s(?:a|an)\s+$/i.exec(before);
  if (!art) return null;
  const across = hedgeWords(before.slice(0, art.index + 1));
  return across !== null && ACROSS_ARTICLE.has(across.toLowerCase().replace(/\s+/g, ' ')) ? across : null;
}

const POST_HEDGE_RE = new RegExp(`\\s+(${POST_HEDGES.map(([h]) => esc(h)).join('|')})(?![\\p{L}])`, 'iuy');
const COMMA_LEAD = new RegExp(`(?:[ \\u00A0]+[a-z][a-z-]*)?,(?=\\s+(?:${COMMA_POST_HEDGES.map(esc).join('|')})(?![\\p{L}]))`, 'uy');

/** "10% or more", "40 ships or fewer" with one noun in between, and "50,000 people, give or take". */
export function postHedge(text: string, end: number): { hedge: string; end: number } | null {
  for (const lead of [/(?:)/uy, /[ \u00A0]+[a-z][a-z-]*(?=\s+or\s)/uy, COMMA_LEAD]) {
    lead.lastIndex = end;
    if (!lead.exec(text)) continue;
    POST_HEDGE_RE.lastIndex = lead.lastIndex;
    const m = POST_HEDGE_RE.exec(text);
    if (m) return { hedge: (m[1] ?? '').toLowerCase().replace(/\s+/g, ' '), end: POST_HEDGE_RE.lastIndex };
  }
  return null;
}

// nouns that count spans of a calendar or a competition: "£6.7bn over four seasons" is a span, not "more than"
const SPAN_NOUN_AFTER = /^\s+(?:seasons?|quarters?|sessions?|terms?|semesters?|cycles?|parliaments?|financial years?|fiscal years?)(?![\p{L}])/iu;

/** Whether a hedge word read before the number really is one here (`after` is the text right after the number). */
export function hedgeHolds(word: string, before: string, core: Core, after: string): boolean {
  const time = (core.unit !== null && TIME_UNITS.has(core.unit)) || (core.unit === null && SPAN_NOUN_AFTER.test(after));
  // "spread over five years", "invest $2.3bn over five years", "spectators over three days": a duration
  // ("for over 40 years", "is over 40 years" and "lasting over 3 hours" stay hedges)
  if (
    word === 'over' &&
    time &&
    !/(?:^|[^\p{L}])(?:for|of|is|was|are|were|be|been|being|lasting|lasts|last|lasted|take|takes|took|taking|after|in|within|just|well|aged|spent|waited|wait|waiting)\s+over\s+$/iu.test(before)
  )
    return false;
  // "handing over 323 jets", "took over 40 stores": a phrasal verb, not "more than"
  if (
    word === 'over' &&
    /(?:hand|handed|handing|hands|took|take|takes|taking|turn|turned|turning|turns|pass|passed|passing|sign|signed|signing|give|gave|giving|carry|carried|carrying|left|roll|rolled|rolling|won|win|winning)\s+over\s+$/i.test(
      before,
    )
  )
    return false;
  // "the past 12 months", "over past years": a period, not "more than"
  if (word === 'past' && /(?:^|[^\p{L}])(?:the|this|these|its|their|his|her|our|over|in|for|during)\s+past\s+$/iu.test(before)) return false;
  // "ticked up to 3.9%": the verb moved the level there, no ceiling is meant
  if (word === 'up to' && /(?:ticked|edged|crept|moved|went|inched|picked|revised|bumped|shot|ramped|scaled|stepped|climbed|rose|jumped)\s+up\s+to\s+$/i.test(before)) return false;
  return true;
}
