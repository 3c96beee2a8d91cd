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
const INDEX_CUE =
  /\bindex\b|\bindices\b|\bDow\b|FTSE|S&P|Nasdaq|Nikkei|Stoxx|DAX|CAC|Sensex|Nifty|KOSPI|Hang Seng|Industrial Average|Ifo|PMI|\bASX\b|\bTSX\b|All Ordinaries|Topix|Bovespa|IBEX|Straits Times|Russell \d/;
const PERCENT_CUE = /\d\s?(?:%|per ?cent\b|percent\b)/;
// "leads by 18 points" among voters is a gap in vote shares
const POLL_CUE =
  /\b(?:polls?|polling|pollsters?|voters?|surveys?|respondents|approval|ballots?|electorate|vote share|margin of error|swing|Democrats?|Republicans?|Labour|Labor|Tory|Tories|Conservatives?|Greens|candidates?|incumbent|challenger)\b/;
// "pounds of beef", "weighed 8 pounds": weight; "borrow 1.2 billion pounds", "cost 40 pounds": money
const WEIGHT_CUE = /^\s+of\s+(?!(?:the|its|their|his|her|our|public|taxpayers|investment|funding|spending|debt|damages|savings|cuts|losses|revenue|profit)\b)\p{L}/u;
const WEIGHT_CUE_SENTENCE = /\b(?:weigh(?:s|ed|ing)?|weight|heavy|heavier|lighter|lbs?|kg|kilos?|ounces|pounds lighter|overweight)\b/i;
const MONEY_CUE =
  /£|\bsterling\b|\bpence\b|\b(?:Britain|British|UK|England|Scotland|Wales|London|Bank of England|Chancellor|HMRC)\b|\b(?:cost|costs|costing|paid|pay|pays|paying|spend|spent|spending|borrow|borrowing|worth|price|priced|fine|fined|budget|funding|grant|salary|wage|rent|bill|tax|debt|loan|sold|bought|raised|invest|invested|profit|loss|revenue)\b/i;
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
  if (inSentence.length === 1 && !rival?.test(sentence)) return { place: inSentence[0]!, where: 'sentence' };
  if (inSentence.length > 1 || rival?.test(sentence)) return null;
  const inText = places.filter((p) => docMentions(cues, p));
  if (inText.length === 1 && !rival?.test(cues.text)) return { place: inText[0]!, where: 'text' };
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
    // shares move at most 100 points: "closed at 7,812.6 points" is an index level whatever the sentence says
    const fitsShare = Math.abs(core.value) <= 100 && !INDEX_CUE.test(sentence);
    if (fitsShare && PERCENT_CUE.test(sentence)) {
      base = 'pp';
      reading = 'points read as percentage points: the sentence gives percentages';
    } else if (fitsShare && POLL_CUE.test(sentence)) {
      base = 'pp';
      reading = 'points read as percentage points: the sentence is about a poll or a vote';
    } else reading = 'points read as index points';
  } else if (core.ambiguous === 'pounds') {
    if (!WEIGHT_CUE.test(text.slice(core.end, core.end + 24)) && !WEIGHT_CUE_SENTENCE.test(sentence) && (core.scale >= 1e6 || core.value >= 1e6 || MONEY_CUE.test(sentence))) {
      base = 'GBP';
      reading = core.scale >= 1e6 || core.value >= 1e6 ? 'pounds read as pounds sterling: a sum in millions' : 'pounds read as pounds sterling: the sentence is about money';
    } else reading = 'pounds read as pounds of weight';
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
    // the currency named last before the figure: "the yen fell to 157.8 ..., and the won to 1,380 per dollar"
    let code: string | null = null;
    let at = -1;
    for (const [re, c] of EXCHANGE_NAMES) {
      for (const m of before.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))) {
        if (m.index > at) [at, code] = [m.index, c];
      }
    }
    if (code !== null) {
      const per = core.rate === '/dollar' ? 'USD' : core.rate === '/euro' ? 'EUR' : 'GBP';
      return { unit: `${code}/${per}`, reading: `an exchange rate: ${code} per ${per}` };
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
  [/\byen\b/i, 'JPY'],
  [/\byuan\b|renminbi/i, 'CNY'],
  [/\brupee\b/i, 'INR'],
  [/\bwon\b/, 'KRW'],
  [/\brouble|\bruble/i, 'RUB'],
  [/\blira\b/i, 'TRY'],
  [/\bpeso\b/i, 'MXN'],
  [/\bfranc\b/i, 'CHF'],
  [/\brand\b/, 'ZAR'],
  [/\breal\b/, 'BRL'],
];
