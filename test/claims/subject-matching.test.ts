import { describe, expect, it } from 'vitest';
import { candidateFromStatement, findConflicts } from '../../shared/claims/conflicts.ts';
import { derivedStem, metricSignature, subjectKey } from '../../shared/claims/terms.ts';
import { canonicalMeasures, dropImplied } from '../../shared/claims/measure-words.ts';
import { detectFigures } from '../../shared/claims/figures.ts';

/** The signature of each subject, read as prepare() reads a batch: `known` is every word of all of them. */
const signatures = (...subjects: string[]): (string | null)[] => {
  const keys = subjects.map(subjectKey);
  const known = new Set(keys.flatMap((k) => k.words));
  return keys.map((k) => metricSignature(k.words, known));
};
const same = (a: string, b: string): boolean => {
  const [x, y] = signatures(a, b);
  return x !== null && x === y;
};
const compared = (a: string, b: string): boolean => findConflicts([candidateFromStatement('a', a), candidateFromStatement('b', b)]).length > 0;

describe('derived forms', () => {
  it('stem an -ing form to a measure word or a word seen in the batch', () => {
    expect(derivedStem('hashing', new Set())).toBe('hash');
    expect(derivedStem('exporting', new Set(['export']))).toBe('export');
    expect(derivedStem('exporting', new Set())).toBe('exporting');
  });
  it('never restore letters, so mining stays apart from mines and shipping from ships', () => {
    expect(derivedStem('mining', new Set(['mine']))).toBe('mining');
    expect(derivedStem('shipping', new Set(['ship']))).toBe('shipping');
    expect(same('China — mining output', 'China — mine output')).toBe(false);
  });
  it('come after the measure phrases, so a phrase holding an -ing word is read whole', () => {
    expect(same('China — processing power', 'China — hash rate')).toBe(true);
    expect(same('Brazil — coffee exporting revenue', 'Brazil — coffee export revenue')).toBe(true);
  });
});

describe('measure synonyms', () => {
  it('map each wording of a measure to one word, longest phrase first', () => {
    expect(canonicalMeasures(['hashing', 'power'])).toEqual(['hashrate']);
    expect(canonicalMeasures(['jobless', 'rate'])).toEqual(['unemployment', 'rate']);
    expect(canonicalMeasures(['voter', 'who', 'cast', 'ballot'])).toEqual(['turnout']);
  });
  it('make rewordings of one measure one signature', () => {
    expect(same('China — hash power', 'China — global hashing power')).toBe(true);
    expect(same('Kazakhstan — computing power of Bitcoin network', "Kazakhstan's share of global hashrate")).toBe(true);
    expect(same("Spain's jobless rate", 'Spain — unemployment rate')).toBe(true);
    expect(same("Norway's oil production", 'Norwegian oil output')).toBe(true);
    expect(same('UK — wind generation', 'UK wind output')).toBe(true);
    expect(same("Portugal's population", 'Portugal — inhabitants')).toBe(true);
  });
  it('do not take electric power for hashing power', () => {
    expect(same("Kazakhstan's miners — country's power", "Kazakhstan's miners — network's hashing power")).toBe(false);
  });
});

describe('implied qualifiers', () => {
  it('are dropped beside the measure that implies them', () => {
    expect(dropImplied(['bitcoin', 'network', 'hashrate'])).toEqual(['hashrate']);
    expect(dropImplied(['voter', 'turnout'])).toEqual(['turnout']);
    expect(dropImplied(['consumer', 'price', 'inflation'])).toEqual(['inflation']);
  });
  it('are kept elsewhere', () => {
    expect(dropImplied(['rail', 'network', 'freight'])).toEqual(['rail', 'network', 'freight']);
    expect(dropImplied(['house', 'price'])).toEqual(['house', 'price']);
  });
  it('merge the redundant wordings and keep the distinguishing ones', () => {
    expect(same('China — hash rate', 'China — Bitcoin network hash rate')).toBe(true);
    expect(same('China — global Bitcoin hash rate', "China's share of global hash rate")).toBe(true);
    expect(same('Turkey — headline inflation', "Turkey's annual inflation rate")).toBe(true);
    expect(same('Chinese miners — Bitcoin hash rate', 'Chinese miners — Ethereum hash rate')).toBe(false);
    expect(same('Brazil — core inflation', "Brazil's inflation rate")).toBe(false);
    expect(same('India — food inflation', "India's inflation rate")).toBe(false);
    expect(same('Spain — youth unemployment rate', 'Spain — unemployment rate')).toBe(false);
    expect(same('UK — offshore wind output', 'UK wind output')).toBe(false);
    expect(same('Australia — wheat export price', 'Australia — rice export price')).toBe(false);
  });
});

describe('subjects keep what narrows a measure', () => {
  const subject = (text: string): string => detectFigures(text)[0]!.subject;
  it('reads a "for" group and a "who" clause', () => {
    expect(subject('The jobless rate for women in Greece is 14%.')).toBe('Greece — jobless rate for women');
    expect(subject('The share of voters who voted in the Polish election was about 61%.')).toBe('Poland — share of voters who voted');
  });
  it('reads a facility after "at the", but not a time position', () => {
    expect(subject('Container volumes at the port reached 7.2 million TEU.')).toBe('Container volumes at the port');
    expect(subject('Unemployment at the end of March was 5%.')).not.toContain('end');
  });
  it('adds the measure a verb names to what the figure is of', () => {
    expect(subject('Brazil produced about 120 million tonnes of soybeans last season.')).toBe('Brazil — soybeans output');
    expect(subject('Vietnam exported about 6 million tonnes of rice.')).toBe('Vietnam — rice exports');
  });
});

describe('rewordings in findConflicts', () => {
  it('compare the rewordings of the brief', () => {
    expect(compared('China held almost 70% of global Bitcoin hash rate.', "China's share of the global hash rate is about 46%.")).toBe(true);
    expect(compared('Chinese miners control almost 70% of hash power.', 'China now has roughly 46% of global hashing power.')).toBe(true);
    expect(compared('China held almost 70% of hash rate.', 'China hosts about 46% of the Bitcoin network hash rate.')).toBe(true);
  });
  it('keep apart other places, sub-populations and levels against changes', () => {
    expect(compared('Andalusia’s olive oil output was 1.1 million tonnes.', 'Spain’s olive oil production was 0.66 million tonnes.')).toBe(false);
    expect(compared('The jobless rate for women in Greece is 14%.', "Greece's jobless rate is 10%.")).toBe(false);
    expect(compared("China's hashing power rose 25% this year.", 'China hosts about 46% of global hash rate.')).toBe(false);
  });
});
