/**
 * Readings of ambiguous signs and units from context: "¥" is yuan in a story
 * about China and yen in one about Japan; "$" is Canadian or Australian dollars
 * in a story about Canada or Australia; "cents" are euro cents where prices are
 * in euros; "points" are percentage points beside percentages but index points
 * beside an index; bare "degrees" are Celsius unless the sentence says Fahrenheit.
 * The sentence decides first, the whole text when the sentence says nothing,
 * and every resolved reading is written down in the user's words.
 */

import type { Core } from './read-core.ts';

interface Place {
  code: string;
  name: string; // for the reading: "Canadian dollars"
  about: string; // "Canada"
  re: RegExp;
}
const YUAN: Place = { code: 'CNY', name: 'yuan', about: 'China', re: /yuan|RMB|renminbi|China|Chinese|Beijing|Shanghai|Shenzhen|Guangzhou|Hong Kong|Inner Mongolia|Xinjiang|Sichuan|Hunan/ };
const YEN: Place = { code: 'JPY', name: 'yen', about: 'Japan', re: /\byen\b|Japan|Japanese|Tokyo|Osaka|Nikkei|Bank of Japan|BOJ/ };
const DOLLAR_PLACES: readonly Place[] = [
  { code: 'CAD', name: 'Canadian dollars', about: 'Canada', re: /Canada|Canadian|Ottawa|Toronto|Alberta|Ontario|Quebec|British Columbia|Vancouver|Montreal|TSX/ },
  { code: 'AUD', name: 'Australian dollars', about: 'Australia', re: /Australia|Australian|Sydney|Melbourne|Canberra|Queensland|Brisbane|Perth|ASX|RBA/ },
  { code: 'NZD', name: 'New Zealand dollars', about: 'New Zealand', re: /New Zealand|Auckland|Wellington/ },
  { code: 'SGD', name: 'Singapore dollars', about: 'Singapore', re: /Singapore/ },
];
const US_CUE = /U\.S\.|\bUS\b|United States|America|Wall Street|Washington|Federal Reserve|\bFed\b|Nasdaq|NYSE|Dow|S&P|Texas|California|New York|Treasury/;
const EURO_CUE = /€|\beuros?\b|euro zone|eurozone|\bECB\b/i;
const INDEX_CUE = /\bindex\b|\bindices\b|\bDow\b|FTSE|S&P|Nasdaq|Nikkei|Stoxx|DAX|CAC|Sensex|Nifty|KOSPI|Hang Seng|Industrial Average|Ifo|PMI/;
const PERCENT_CUE = /\d\s?(?:%|per ?cent\b|percent\b)/;
const FAHRENHEIT_CUE = /Fahrenheit|°\s?F|\dF\b/;

/** The places a whole text is about, counted once per call of detectFigures. */
export interface Cues {
  text: string;
  cache: Map<Place, boolean>;
}
export function documentCues(text: string): Cues {
  return { text, cache: new Map() };
}
function docMentions(cues: Cues, place: Place): boolean {
  let v = cues.cache.get(place);
  if (v === undefined) {
    v = place.re.test(cues.text);
    cues.cache.set(place, v);
  }
  return v;
}

/** The one place among `places` the sentence (else the text) is about, or null when none or several. */
function placeOf(sentence: string, cues: Cues, places: readonly Place[], rival: RegExp | null): { place: Place; where: 'sentence' | 'text' } | null {
  const inSentence = places.filter((p) => p.re.test(sentence));
  if (inSentence.length === 1 && !(rival && rival.test(sentence))) return { place: inSentence[0]!, where: 'sentence' };
  if (inSentence.length > 1 || (rival && rival.test(sentence))) return null;
  const inText = places.filter((p) => docMentions(cues, p));
  if (inText.length === 1 && !(rival && rival.test(cues.text))) return { place: inText[0]!, where: 'text' };
  return null;
}

/** The figure's canonical unit (rate included) and how an ambiguous sign or unit was read. */
export function resolveUnit(core: Core, text: string, sent: { start: number; end: number }, cues: Cues): { unit: string; reading: string | null } {
  let base = core.unit ?? 'count';
  let reading: string | null = null;
  const sentence = text.slice(sent.start, sent.end);
  const story = (where: 'sentence' | 'text'): string => (where === 'sentence' ? 'the sentence' : 'the text');
  if (core.currency && core.sign === '¥') {
    const p = placeOf(sentence, cues, [YUAN, YEN], null);
    const place = p?.place ?? YEN;
    base = place.code;
    reading = p ? `¥ read as ${place.name}: ${story(p.where)} is about ${place.about}` : '¥ read as yen: nothing in the text points to China';
  } else if ((core.currency && core.sign === '$') || core.ambiguous === 'cents') {
    const p = placeOf(sentence, cues, DOLLAR_PLACES, US_CUE);
    if (p) {
      base = p.place.code;
      reading = `${core.ambiguous === 'cents' ? 'cents' : '$'} read as ${p.place.name}: ${story(p.where)} is about ${p.place.about}`;
    } else if (core.ambiguous === 'cents' && EURO_CUE.test(sentence)) {
      base = 'EUR';
      reading = 'cents read as euro cents: the sentence gives prices in euros';
    }
  } else if (core.ambiguous === 'points') {
    if (!INDEX_CUE.test(sentence) && PERCENT_CUE.test(sentence)) {
      base = 'pp';
      reading = 'points read as percentage points: the sentence gives percentages';
    } else reading = 'points read as index points';
  } else if (core.ambiguous === 'crowns') {
    const p = placeOf(sentence, cues, CROWNS, null);
    base = p?.place.code ?? 'NOK';
    reading = p ? `crowns read as ${p.place.name}: ${story(p.where)} is about ${p.place.about}` : 'crowns read as Norwegian crowns';
  } else if (core.ambiguous === 'degrees') {
    if (FAHRENHEIT_CUE.test(sentence)) {
      base = '°F';
      reading = 'degrees read as Fahrenheit: the sentence uses Fahrenheit';
    } else reading = 'degrees read as Celsius';
  }
  // "the yen weakened past 150 per dollar": an exchange rate, in the currency the sentence names
  if (base === 'count' && /^\/(?:dollar|euro|pound)$/.test(core.rate)) {
    const before = text.slice(sent.start, core.start);
    const named = [...EXCHANGE_NAMES].filter(([re]) => re.test(before));
    if (named.length === 1) {
      const per = core.rate === '/dollar' ? 'USD' : core.rate === '/euro' ? 'EUR' : 'GBP';
      return { unit: `${named[0]![1]}/${per}`, reading: `an exchange rate: ${named[0]![1]} per ${per}` };
    }
  }
  return { unit: base + core.rate, reading };
}

const CROWNS: readonly Place[] = [
  { code: 'NOK', name: 'Norwegian crowns', about: 'Norway', re: /Norway|Norwegian|Oslo/ },
  { code: 'SEK', name: 'Swedish crowns', about: 'Sweden', re: /Sweden|Swedish|Stockholm/ },
  { code: 'DKK', name: 'Danish crowns', about: 'Denmark', re: /Denmark|Danish|Copenhagen/ },
  { code: 'CZK', name: 'Czech crowns', about: 'the Czech Republic', re: /Czech|Prague/ },
];
const EXCHANGE_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\byen\b/i, 'JPY'], [/\byuan\b|renminbi/i, 'CNY'], [/\brupee\b/i, 'INR'], [/\bwon\b/, 'KRW'], [/\brouble|\bruble/i, 'RUB'],
  [/\blira\b/i, 'TRY'], [/\bpeso\b/i, 'MXN'], [/\bfranc\b/i, 'CHF'], [/\brand\b/, 'ZAR'], [/\breal\b/, 'BRL'],
];
