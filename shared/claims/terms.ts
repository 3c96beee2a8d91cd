/**
 * Subject terms: turns a subject hint into a set of comparable words, so two
 * claims about "the global hash rate" and "global hashrate" are seen to talk
 * about the same metric.
 *
 * Steps: lower-case, drop stop words and generic measure words ("share",
 * "total", "level" say how something is measured, not what), strip possessives,
 * light plural stemming (no Porter stemmer: "mines" and "mining" stay apart, on
 * purpose, because mines and mining are different metrics), and join compounds:
 * when two adjacent terms of one subject spell a single term of the other
 * ("hash rate" / "hashrate"), they are merged.
 */

const STOP = new Set(
  ('the a an of in on at for to from by with and or its their his her our this that these those all some each ' +
    'about around over under than as per is are was were be been has have had will would could can may might ' +
    'share shares total level levels amount amounts number figure proportion portion part percent percentage ' +
    'country world countries region regional national').split(' '),
);
// The generic words name how something is measured (a share, a total, a level),
// not what; "country", "region", "national" name a scope that writers drop or add
// freely ("the country's wind output" = "wind output").

export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && /(?:ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

export function subjectTerms(subject: string): string[] {
  return (subject.match(/\p{L}[\p{L}'’-]*/gu) ?? [])
    .flatMap((w) => w.split('-'))
    .map(stem)
    .filter((w) => w.length > 1 && !STOP.has(w));
}

/** Merges adjacent terms of `a` whose concatenation is a term of `b`. */
function joinCompounds(a: string[], b: ReadonlySet<string>): string[] {
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
  return overlapOfTerms(subjectTerms(a), subjectTerms(b));
}

/** termOverlap on terms already extracted (lets callers extract once per claim). */
export function overlapOfTerms(termsA: readonly string[], termsB: readonly string[]): { overlap: number; shared: string[] } {
  let ta = [...termsA];
  let tb = [...termsB];
  ta = joinCompounds(ta, new Set(tb));
  tb = joinCompounds(tb, new Set(ta));
  const sa = new Set(ta);
  const sb = new Set(tb);
  const shared = [...sa].filter((t) => sb.has(t));
  const union = new Set([...sa, ...sb]).size;
  return { overlap: union === 0 ? 0 : shared.length / union, shared };
}
