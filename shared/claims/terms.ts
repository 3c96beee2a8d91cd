/**
 * Subject terms: turns a subject hint into a set of comparable words, so two
 * claims about "the global hash rate" and "global hashrate" are seen to talk
 * about the same metric, and into a subject key (place + metric terms) that
 * conflict detection groups on exactly.
 *
 * Steps: lower-case, drop stop words and generic measure words ("share",
 * "total", "level" say how something is measured, not what), strip possessives,
 * light plural stemming (no Porter stemmer: "mines" and "mining" stay apart, on
 * purpose, because mines and mining are different metrics), and join compounds:
 * when two adjacent terms of one subject spell a single term of the other
 * ("hash rate" / "hashrate"), they are merged.
 */

const STOP = new Set(
  (
    'the a an of in on at for to from by with and or its their his her our this that these those all some each ' +
    'about around over under than as per is are was were be been has have had will would could can may might it they them we'
  ).split(' '),
);
/**
 * Generic words name how something is measured (a share, a total, a level, a
 * rate: "the unemployment rate" = "unemployment"), not what; "country",
 * "region", "national", "global", "worldwide" name a scope that writers drop or
 * add freely ("the country's wind output" = "wind output", "global hash rate" =
 * "hash rate"), as do "the company's" and "the firm's", which stand for whoever
 * the source is about; times ("April exports", "first-quarter output") say when, which
 * when.ts reads. They are dropped after compounds are joined, so "hash rate"
 * still meets "hashrate".
 */
export const GENERIC = new Set(
  (
    'share shares total level levels amount amounts number figure proportion portion part percent percentage rate rates ' +
    'country world countries region regional national global worldwide nationwide overall company companies firm firms ' +
    'annual yearly january february march april june july august september october november december ' +
    'year years quarter quarters month months first second third fourth half last latest current'
  ).split(' '),
);

import { contains, placeMentions } from './entities.ts';
import { canonicalMeasures, dropImplied, MEASURE_VOCABULARY } from './measure-words.ts';

export function stem(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && /(?:ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

export function subjectTerms(subject: string): string[] {
  return subjectWords(subject).filter((w) => !GENERIC.has(w));
}

/** The content words of a subject, generic words included (for compound joining). */
export function subjectWords(subject: string): string[] {
  return (subject.match(/\p{L}[\p{L}'’-]*/gu) ?? [])
    .flatMap((w) => w.split('-'))
    .map(stem)
    .filter((w) => w.length > 1 && !STOP.has(w));
}

/** Merges adjacent terms of `a` whose concatenation is a term of `b`. */
export function joinCompounds(a: readonly string[], b: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const pair = a[i]! + (a[i + 1] ?? '');
    if (i + 1 < a.length && b.has(pair)) {
      out.push(pair);
      i++;
    } else out.push(a[i]!);
  }
  return out;
}

/** Jaccard overlap of two subjects' terms (0..1), compounds joined both ways. */
export function termOverlap(a: string, b: string): { overlap: number; shared: string[] } {
  return overlapOfTerms(subjectWords(a), subjectWords(b));
}

/** termOverlap on words already extracted (lets callers extract once per claim); generic words are dropped after joining. */
export function overlapOfTerms(termsA: readonly string[], termsB: readonly string[]): { overlap: number; shared: string[] } {
  let ta = [...termsA];
  let tb = [...termsB];
  ta = joinCompounds(ta, new Set(tb));
  tb = joinCompounds(tb, new Set(ta));
  const sa = new Set(ta.filter((t) => !GENERIC.has(t)));
  const sb = new Set(tb.filter((t) => !GENERIC.has(t)));
  const shared = [...sa].filter((t) => sb.has(t));
  const union = new Set([...sa, ...sb]).size;
  return { overlap: union === 0 ? 0 : shared.length / union, shared };
}

/**
 * What a subject is about, in exact comparable form: the place it names first
 * (a gazetteer id, '' when none), its content words (generic ones included, so
 * the caller can join compounds first: see metricSignature) and its other places
 * as `@id` words ("Texas — share of Chinese output"), except a place that
 * contains the first, which is scope ("Texas — share of the U.S. hash rate" is
 * about Texas's share, and writers drop "of the U.S." freely).
 */
export interface SubjectKey {
  place: string;
  words: string[];
}

export function subjectKey(subject: string): SubjectKey {
  const mentions = placeMentions(subject);
  const place = mentions[0]?.id ?? '';
  const extra: string[] = [];
  let rest = '';
  let at = 0;
  for (const m of mentions) {
    rest += subject.slice(at, m.start) + ' ';
    at = m.end;
    if (m.id !== place && !contains(m.id, place) && !extra.includes('@' + m.id)) extra.push('@' + m.id);
  }
  rest += subject.slice(at);
  return { place, words: [...subjectWords(rest), ...extra] };
}

/**
 * A derived "-ing" form stands for its bare word when that word is a measure
 * word (measure-words.ts) or is seen in the claims compared: "hashing" → "hash",
 * "exporting prices" → "export prices". Only the bare form with nothing
 * restored counts, so "mining" (→ "min") never meets "mine", and "shipping"
 * (→ "shipp") never meets "ship": mines and mining stay apart (see stem).
 * metricSignature reads the measure phrases first, so one that holds an -ing
 * word ("processing power") is matched whole.
 */
export function derivedStem(word: string, known: ReadonlySet<string>): string {
  if (word.length < 6 || !word.endsWith('ing')) return word;
  const bare = word.slice(0, -3);
  return MEASURE_VOCABULARY.has(bare) || known.has(bare) ? bare : word;
}

/**
 * The metric as an exact, order-free signature: compounds joined against
 * `known` (every single word seen in the claims being compared), each wording
 * of a measure replaced by its canonical word, derived forms stemmed
 * (derivedStem) and the wordings read again ("jobless" → "unemployment", "hash power" → "hashrate", before generic
 * words go, so "hash rate" is read whole), generic words dropped, qualifiers
 * the measure implies dropped ("Bitcoin network hash rate" = "hash rate"; see
 * IMPLIED in measure-words.ts), sorted. A subject that is only generic words
 * ("the U.S. share") keeps them rather than saying nothing; one with no words
 * at all has no signature.
 *
 * This is the merge of signature groups the exact key needs: within one place,
 * unit and kind, "bitcoin network hashrate" and "hashrate" differ only by words
 * the labelled pairs show to be redundant beside that measure, so both are
 * written as the shorter one. It runs once per distinct subject (conflict-groups.ts
 * caches it), never per pair of claims.
 */
export function metricSignature(words: readonly string[], known: ReadonlySet<string>): string | null {
  const phrased = canonicalMeasures(joinCompounds(words, known));
  const joined = canonicalMeasures(phrased.map((w) => derivedStem(w, known)));
  const specific = joined.filter((w) => !GENERIC.has(w));
  const kept = dropImplied(specific.length > 0 ? specific : joined);
  return kept.length === 0 ? null : [...new Set(kept)].sort().join(' ');
}
