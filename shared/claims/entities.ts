/**
 * Finding the places of the gazetteer (places.ts) in a subject or sentence, so
 * subjects are compared by place identity rather than by shared words: "German
 * exports" and "Germany's exports" are one place, "Andalusia" and "Spain" two.
 *
 * A name matches case-sensitively on its first letter and whole words only,
 * with an optional possessive ("China's", "Texas'"); the longest name wins
 * ("South Africa" before "Africa", "Latin America" before "America"). A demonym
 * followed by an actor noun ("Chinese miners", "German firms") is one mention
 * of the place, actor included.
 */
import { ACTOR_NOUNS, PLACES, type Place } from './places.ts';

export interface PlaceMention {
  id: string;
  start: number;
  end: number;
  /** True when written as a demonym or adjective ("German"). */
  demonym: boolean;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

const BY_ID = new Map<string, Place>(PLACES.map((pl) => [pl.id, pl]));
const BY_WORD = new Map<string, { id: string; demonym: boolean }>();
for (const pl of PLACES) {
  for (const n of pl.names) BY_WORD.set(norm(n), { id: pl.id, demonym: false });
  for (const d of pl.demonyms ?? []) BY_WORD.set(norm(d), { id: pl.id, demonym: true });
}
function norm(s: string): string {
  return s.replace(/\s+/g, ' ');
}

const WORDS = [...BY_WORD.keys()]
  .sort((a, b) => b.length - a.length)
  .map(esc)
  .join('|');
const ACTORS = [...ACTOR_NOUNS]
  .sort((a, b) => b.length - a.length)
  .map(esc)
  .join('|');
// "the" may lead a name ("the Netherlands", "the U.S."); a possessive may follow it
const PLACE_RE = new RegExp(`(?<![\\p{L}\\p{N}.'’-])(${WORDS})((?:['’]s?)?)(?![\\p{L}\\p{N}-])(\\s+(?:${ACTORS})(?:['’]s?)?(?![\\p{L}]))?`, 'gu');

/** Every place named in `text`, in order. */
export function placeMentions(text: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  PLACE_RE.lastIndex = 0;
  for (let m = PLACE_RE.exec(text); m; m = PLACE_RE.exec(text)) {
    const hit = BY_WORD.get(norm(m[1]!));
    if (!hit) continue;
    // an actor noun only belongs to a demonym: "China miners" is not English, "Chinese miners" is
    const end = m.index + m[1]!.length + m[2]!.length + (hit.demonym ? (m[3]?.length ?? 0) : 0);
    out.push({ id: hit.id, start: m.index, end, demonym: hit.demonym });
    PLACE_RE.lastIndex = end;
  }
  return out;
}

export function placeById(id: string): Place | undefined {
  return BY_ID.get(id);
}

/** The display name of a place id ("cn" → "China"). */
export function placeName(id: string): string {
  return BY_ID.get(id)?.names[0] ?? id;
}

/** True when `outer` contains `inner` (a parent, grandparent ...), never for the place itself. */
export function contains(outer: string, inner: string): boolean {
  for (let p = BY_ID.get(inner)?.parent; p; p = BY_ID.get(p)?.parent) if (p === outer) return true;
  return false;
}
