/**
 * Measure words as plain data (like the gazetteer, places.ts): which wordings a
 * reader takes for one measure, and which qualifiers a measure already implies,
 * so "hashing power", "the computing power of the Bitcoin network" and "hash
 * rate" get one metric signature while "youth unemployment", "core inflation"
 * and "offshore wind output" keep their own (terms.ts applies both tables).
 *
 * Entries are written in the form subjectWords gives (lower case, plurals
 * stemmed: "voters" → "voter"), a phrase as words joined by spaces. Every entry
 * was added for a rewording in the labelled pairs
 * (test/fixtures/claims/conflict-pairs-rewording.json); a word is left out when
 * it has a second, distinct reading as a measure:
 * - "power" alone is electricity ("miners draw 8% of the country's power"),
 *   so only "hash power", "computing power" and their kin are hash rate;
 * - "participation" alone is also labour-force participation, so only
 *   "voter participation" and "electoral participation" are turnout;
 * - "resident" is left out of population: "residents over 65" loses "over 65"
 *   to the subject reader and would meet the whole population;
 * - "crude" is not "oil": crude output excludes condensate in some statistics.
 */

/** Canonical measure word → the wordings that mean it. */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  hashrate: ['hash rate', 'hash power', 'hashing power', 'hashing rate', 'computing power', 'compute power', 'processing power', 'mining power'],
  unemployment: ['jobless', 'joblessness', 'unemployed'],
  output: ['production', 'generation'],
  turnout: ['voter who voted', 'voter who cast ballot', 'voter participation', 'electoral participation'],
  population: ['inhabitant'],
  house: ['home', 'housing'],
  volume: ['throughput'],
  hydropower: ['hydro', 'hydro power', 'hydroelectric', 'hydroelectricity', 'hydroelectric power'],
};

/**
 * Canonical measure word → qualifiers it already implies, which a writer adds or
 * drops without changing the measure: hash rate is the Bitcoin network's
 * ("the Bitcoin network hash rate" = "hash rate"; "Ethereum hash rate" keeps
 * "ethereum", which is not implied), turnout is voters' ("voter turnout"),
 * headline inflation is consumer-price inflation ("consumer price inflation" =
 * "inflation"; "core" and "food" are not implied and stay). A qualifier is
 * dropped only beside the measure that implies it: "network" elsewhere
 * ("the rail network's freight") is kept.
 */
export const IMPLIED: ReadonlyMap<string, readonly string[]> = new Map([
  ['hashrate', ['bitcoin', 'btc', 'network', 'mining', 'crypto']],
  ['turnout', ['voter', 'electoral', 'election', 'vote']],
  ['inflation', ['headline', 'consumer', 'price', 'cpi']],
]);

interface Phrase {
  words: readonly string[];
  canonical: string;
}

/** Phrases by first word, longest first, for greedy matching. */
const BY_FIRST = new Map<string, Phrase[]>();
for (const [canonical, variants] of Object.entries(SYNONYMS)) {
  for (const v of [canonical, ...variants]) {
    const words = v.split(' ');
    const list = BY_FIRST.get(words[0]!) ?? BY_FIRST.set(words[0]!, []).get(words[0]!)!;
    list.push({ words, canonical });
  }
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.words.length - a.words.length);

/** Every word the tables know, so a derived form ("hashing") can be stemmed towards one of them. */
export const MEASURE_VOCABULARY: ReadonlySet<string> = new Set([...Object.entries(SYNONYMS).flatMap(([c, vs]) => [c, ...vs]), ...IMPLIED.keys()].flatMap((p) => p.split(' ')));

/** Replaces every wording of a measure by its canonical word, longest phrase first. */
export function canonicalMeasures(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const hit = BY_FIRST.get(words[i]!)?.find((p) => p.words.every((w, k) => words[i + k] === w));
    if (hit) {
      out.push(hit.canonical);
      i += hit.words.length - 1;
    } else out.push(words[i]!);
  }
  return out;
}

/** Drops the qualifiers that a measure among `words` already implies. */
export function dropImplied(words: readonly string[]): string[] {
  const implied = new Set(words.flatMap((w) => IMPLIED.get(w) ?? []));
  return implied.size === 0 ? [...words] : words.filter((w) => !implied.has(w));
}
