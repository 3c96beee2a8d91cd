/**
 * Seeded generator of an invented news-like corpus for the search benchmark:
 * sources of ~5 KB (short reports about energy, mining, shipping and farming, full of
 * figures and hedges) split into paragraphs, plus quotes cut from them. Everything is
 * drawn from a mulberry32 PRNG so every run measures the same text.
 */
import { sourceParagraphDocs, type SearchDoc } from '../../shared/search/index.ts';
import { mulberry32 } from '../bench/stats.ts';

export { mulberry32 };

const TOPICS = {
  energy: [
    'grid',
    'power',
    'solar',
    'wind',
    'turbine',
    'battery',
    'storage',
    'curtailment',
    'transmission',
    'electricity',
    'hash-rate',
    'difficulty',
    'miners',
    'substation',
    'demand',
    'capacity',
    'tariff',
    'interconnector',
  ],
  shipping: [
    'tanker',
    'freight',
    'port',
    'harbour',
    'container',
    'barge',
    'canal',
    'bunker',
    'charter',
    'vessel',
    'route',
    'congestion',
    'diesel',
    'cargo',
    'terminal',
    'draft',
    'pilotage',
    'insurance',
  ],
  mining: ['copper', 'lithium', 'nickel', 'ore', 'smelter', 'concentrate', 'tailings', 'royalty', 'permit', 'grade', 'pit', 'shaft', 'cobalt', 'zinc', 'drilling', 'reserves', 'output', 'refinery'],
  agriculture: [
    'wheat',
    'maize',
    'soy',
    'fertiliser',
    'harvest',
    'yield',
    'drought',
    'irrigation',
    'silo',
    'acreage',
    'rainfall',
    'barley',
    'cattle',
    'exports',
    'planting',
    'seed',
    'pest',
    'storage',
  ],
} as const;
type Topic = keyof typeof TOPICS;
const TOPIC_NAMES = Object.keys(TOPICS) as Topic[];
const SUBTAGS: Record<Topic, string[]> = {
  energy: ['grid', 'hash-rate', 'solar', 'storage'],
  shipping: ['tankers', 'ports', 'canals'],
  mining: ['copper', 'lithium', 'permits'],
  agriculture: ['wheat', 'drought', 'fertiliser'],
};
const UP = ['rose', 'climbed', 'jumped', 'increased', 'recovered', 'doubled', 'widened', 'edged up'];
const DOWN = ['fell', 'slipped', 'dropped', 'declined', 'eased', 'stalled', 'narrowed', 'halved'];
const HEDGES = [
  'although the figures remain provisional',
  'analysts cautioned that the trend may not last',
  'according to preliminary data',
  'people familiar with the matter said',
  'though it is not yet clear whether the change will hold',
  'a spokesperson said, declining to give details',
  'the ministry’s estimate suggests',
  'some traders doubted the numbers',
  'if the weather does not turn',
  'which could still be revised',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ADJ = ['northern', 'southern', 'coastal', 'inland', 'regional', 'national', 'eastern', 'western', 'upland', 'offshore'];
const FILLER =
  'the of and to in a that for on with as by at from is was were be has had this it its which will would could more than over under after before while about also but not their new last next year week month first second quarter officials said expected'.split(
    ' ',
  );
const SYL = ['ka', 'ro', 'ven', 'tal', 'mi', 'sor', 'dun', 'le', 'bra', 'quo', 'zin', 'pe', 'har', 'lo', 'ti', 'mar', 'esk', 'ul', 'dra', 'fen', 'gos', 'ny', 'vi', 'rak'];

export interface Corpus {
  sources: { id: string; title: string; text: string; topic: Topic }[];
  paragraphs: SearchDoc[];
  quotes: SearchDoc[];
}

export function generateCorpus(nSources: number, nQuotes: number, seed = 20260521): Corpus {
  const rnd = mulberry32(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  // A Zipf-ish tail of invented names and jargon: most are rare, a few are common.
  const rare: string[] = [];
  for (let i = 0; i < 30000; i++) {
    let w = '';
    const n = int(2, 4);
    for (let k = 0; k < n; k++) w += pick(SYL);
    rare.push(w);
  }
  const zipf = (): string => rare[Math.floor(rare.length * rnd() ** 3)]!;
  const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
  const org = (): string => `${cap(zipf())} ${pick(['Energy', 'Shipping', 'Mining', 'Grain', 'Power', 'Freight'])} ${pick(['Group', 'Holdings', 'Authority', 'Cooperative', 'Ltd'])}`;
  const place = (): string => cap(zipf());
  const pct = (): string => {
    const v = rnd() < 0.5 ? String(int(1, 95)) : (rnd() * 40).toFixed(1);
    return pick([`${v}%`, `${v}%`, `${v} per cent`, `${v} percent`]);
  };
  const qty = (): string =>
    pick([`${int(1, 999)},${String(int(0, 999)).padStart(3, '0')}`, `${(rnd() * 9 + 1).toFixed(1)} million`, `${int(1, 40)}m`, `${(rnd() * 5).toFixed(1)}bn`, String(int(10, 900))]);
  const unit = (): string => pick(['tonnes', 'barrels', 'megawatt hours', 'containers', 'households', 'dollars']);

  const sentence = (t: Topic): string => {
    const w = TOPICS[t];
    switch (int(0, 6)) {
      case 0:
        return `${org()} said ${pick(w)} ${pick(w)} ${pick(UP)} ${pct()} in ${pick(MONTHS)}, ${pick(HEDGES)}.`;
      case 1:
        return `${place()}’s ${pick(w)} shipments ${pick(DOWN)} to ${qty()} ${unit()} in the ${pick(['first', 'second', 'third', 'fourth'])} quarter, ${pick(HEDGES)}.`;
      case 2:
        return `The ${pick(ADJ)} ${pick(w)} at ${place()} ${pick(rnd() < 0.5 ? UP : DOWN)} by ${pct()} over the year, while ${pick(w)} ${pick(DOWN)} ${pct()}.`;
      case 3:
        return `${cap(pick(HEDGES))}, ${pick(w)} could ${pick(['rise', 'fall', 'recover', 'stall'])} by as much as ${pct()} if ${pick(w)} ${pick(['demand', 'supply', 'prices', 'costs'])} ${pick(UP)} before ${pick(MONTHS)}.`;
      case 4:
        return `“We don’t expect the ${pick(w)} ${pick(['market', 'backlog', 'shortfall', 'surplus'])} to clear before ${pick(MONTHS)},” said ${cap(zipf())} ${cap(zipf())} of ${org()}.`;
      case 5:
        return `Officials at ${place()} put the cost at ${qty()} dollars, up from ${qty()} a year earlier, and said ${pick(w)} ${pick(w)} would be reviewed.`;
      default: {
        const n = int(10, 22);
        const words: string[] = [];
        for (let k = 0; k < n; k++) words.push(rnd() < 0.45 ? pick(FILLER) : rnd() < 0.5 ? pick(w) : zipf());
        return `${cap(words.join(' '))}.`;
      }
    }
  };

  const sources: Corpus['sources'] = [];
  const paragraphs: SearchDoc[] = [];
  for (let s = 0; s < nSources; s++) {
    const topic = pick(TOPIC_NAMES);
    const id = `src${s}`;
    const title = `${place()} ${cap(topic)} ${pick(['Bulletin', 'Weekly', 'Review', 'Monitor', 'Dispatch'])}`;
    const paras: string[] = [];
    let size = 0;
    const target = int(4500, 5500);
    while (size < target) {
      const k = int(3, 6);
      const ss: string[] = [];
      for (let i = 0; i < k; i++) ss.push(sentence(topic));
      const p = ss.join(' ');
      paras.push(p);
      size += p.length + 2;
    }
    const text = paras.join('\n\n');
    sources.push({ id, title, text, topic });
    paragraphs.push(...sourceParagraphDocs(id, title, text, { tags: [`${topic}/${pick(SUBTAGS[topic])}`] }));
  }
  const quotes: SearchDoc[] = [];
  for (let q = 0; q < nQuotes; q++) {
    const p = paragraphs[Math.floor(rnd() * paragraphs.length)]!;
    const words = p.text.split(' ');
    const len = int(8, 30);
    const from = int(0, Math.max(0, words.length - len));
    const topic = sources[Number(p.sourceId!.slice(3))]!.topic;
    quotes.push({
      id: `q${q}`,
      type: 'quote',
      text: words.slice(from, from + len).join(' '),
      refId: `q${q}`,
      sourceId: p.sourceId!,
      sourceTitle: p.sourceTitle!,
      tags: [`${topic}/${pick(SUBTAGS[topic])}`],
      status: pick(['verified', 'draft', 'disputed']),
    });
  }
  return { sources, paragraphs, quotes };
}
