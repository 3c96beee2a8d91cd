/**
 * Units: how they are written after a number, their canonical names, and how
 * canonical units compare.
 *
 * Parsing tables are ordered longest-first so "percentage points" wins over
 * "percent" and "kWh" over "kW". Symbol units are case-sensitive (MW is not mW,
 * "t" is tonnes but "T" is not); unit words are not. Comparison converts within
 * a dimension (500 MW = 0.5 GW) but never across currencies: the notebook is
 * offline and has no exchange rates, so USD and EUR figures are incomparable.
 */

export interface UnitPattern {
  re: RegExp; // sticky; matched right after the number (after an optional separator)
  unit: string; // canonical unit
  factor?: number; // multiplies the value ("Mt" is a million tonnes)
  word?: boolean; // a word unit: may be hyphen-attached ("5-megawatt")
  glued?: boolean; // only written right against the number ("46.8C", "452p"): with a space it is a word or an initial
  /** 'times' is a multiplier or a count of occasions; 'points' index points or percentage points; 'degrees' Celsius or Fahrenheit (figures.ts decides from context) */
  ambiguous?: 'times' | 'points' | 'degrees' | 'crowns' | 'pounds' | 'cents';
  /** the unit already carries its rate ("mb/d" is a million barrels a day) */
  rated?: boolean;
}

const w = (src: string, unit: string, factor?: number): UnitPattern => ({ re: new RegExp(`(?:${src})(?![\\p{L}\\p{N}])`, 'iuy'), unit, factor, word: true });
const sym = (src: string, unit: string, factor?: number): UnitPattern => ({ re: new RegExp(`(?:${src})(?![\\p{L}\\p{N}])`, 'uy'), unit, factor });
const glued = (src: string, unit: string, factor?: number): UnitPattern => ({ ...sym(src, unit, factor), glued: true });
const rated = (p: UnitPattern): UnitPattern => ({ ...p, rated: true });

export const UNIT_PATTERNS: readonly UnitPattern[] = [
  { re: /%/y, unit: '%' },
  // basis points are hundredths of a percentage point: "25 basis points" = 0.25 pp
  w('basis[- ]points?|bps|bp', 'pp', 0.01),
  w('percentage[- ]points?|ppts?|pp', 'pp'),
  w('per[- ]?cent|pct', '%'),
  { ...w('points?|pts?', 'pt'), ambiguous: 'points' },
  w('US dollars?', 'USD'),
  w('Australian dollars?', 'AUD'),
  w('Canadian dollars?', 'CAD'),
  w('Hong Kong dollars?', 'HKD'),
  w('Singapore dollars?', 'SGD'),
  w('New Zealand dollars?', 'NZD'),
  w('euro[- ]cents?', 'EUR', 0.01),
  w('US cents?', 'USD', 0.01),
  w('Canadian cents?', 'CAD', 0.01),
  w('Australian cents?', 'AUD', 0.01),
  w('dollars?', 'USD'),
  w('euros?', 'EUR'),
  w('pounds sterling|sterling|quid', 'GBP'),
  // "1.2 billion pounds" is money, "a 20-pound turkey" weight: readings.ts decides from the scale and the sentence
  { ...w('pounds?', 'lb'), ambiguous: 'pounds' },
  w('lbs?', 'lb'),
  w('yen', 'JPY'),
  w('yuan|renminbi', 'CNY'),
  w('rupees?', 'INR'),
  w('won', 'KRW'),
  w('Swiss francs?', 'CHF'),
  w('kronor|krona', 'SEK'),
  { ...w('crowns?|kroner|krone', 'NOK'), ambiguous: 'crowns' },
  // subunits: "4 cents" is 0.04 USD unless the sentence is about euros (figures.ts); "euro cents" always EUR
  w('cents?|¢', 'USD', 0.01),
  w('pence', 'GBP', 0.01),
  glued('p', 'GBP', 0.01),
  // "31.5c a share" (Australian and New Zealand reports): cents glued to the number, whose cents from context
  { ...glued('c', 'USD', 0.01), ambiguous: 'cents' },
  sym('USD|EUR|GBP|JPY|CNY|HKD|AUD|CAD|CHF|INR|KRW|SGD|NZD|BRL', '$&'),
  sym('RMB', 'CNY'),
  w('terawatt[- ]hours?', 'TWh'),
  w('gigawatt[- ]hours?', 'GWh'),
  w('megawatt[- ]hours?', 'MWh'),
  w('kilowatt[- ]hours?', 'kWh'),
  sym('TWh|GWh|MWh|kWh|Wh', '$&'),
  w('terawatts?', 'TW'),
  w('gigawatts?', 'GW'),
  w('megawatts?', 'MW'),
  w('kilowatts?', 'kW'),
  sym('TW|GW|MW|kW', '$&'),
  w('zettajoules?', 'ZJ'),
  w('exajoules?', 'EJ'),
  w('petajoules?', 'PJ'),
  sym('ZJ|EJ|PJ', '$&'),
  w('million British thermal units|MMBtu|mmbtu', 'MMBtu'),
  { re: /([kMGTPE])H\/s(?![\p{L}\p{N}])/iuy, unit: '$1H/s' },
  // "$45/PH/day": hashprice written without the "/s"
  { re: /([kMGTPE])H(?=\/d(?:ay)?(?![\p{L}]))/iuy, unit: '$1H/s' },
  w('exahash(?:es)? per second', 'EH/s'),
  w('petahash(?:es)? per second', 'PH/s'),
  w('terahash(?:es)? per second', 'TH/s'),
  sym('J/TH', 'J/TH'),
  // temperatures: "46.8C" and "110F" only glued to the number; "degrees" alone is settled from context
  w('degrees? (?:Celsius|centigrade)|°\\s?C|ºC', '°C'),
  w('degrees? Fahrenheit|°\\s?F|ºF', '°F'),
  glued('C', '°C'),
  glued('F', '°F'),
  { ...w('degrees?', '°C'), ambiguous: 'degrees' },
  w('parts per million|ppm', 'ppm'),
  w('micrograms? per cubic met(?:re|er)|[µμ]g/m[3³]', 'µg/m3'),
  w('miles per hour|mph', 'mph'),
  w('kilomet(?:re|er)s per hour|km/h|kph', 'km/h'),
  sym('Gt', 't', 1e9),
  sym('Mt', 't', 1e6),
  w('gigatonnes?', 't', 1e9),
  w('metric tons?|tonnes?|tons?', 't'),
  sym('t', 't'),
  w('kilograms?|kilos|kg', 'kg'),
  w('ounces?|oz', 'oz'),
  // clinical measures in trial reports: "fell by 7.2 mmHg", "LDL 3.1 mmol/L", "a 500 mg dose"
  sym('mmHg', 'mmHg'),
  sym('mmol/L|mmol/l', 'mmol/L'),
  sym('mg/dL|mg/dl', 'mg/dL'),
  w('milligrams?', 'mg'),
  sym('mg', 'mg'),
  w('grams?', 'g'),
  sym('g', 'g'),
  w('millilitres?|milliliters?', 'mL'),
  sym('ml|mL', 'mL'),
  w('kcal|calories', 'kcal'),
  w('beats per minute|bpm', 'bpm'),
  w('square kilometres?|square kilometers?|km2|km²', 'km2'),
  w('square miles?|sq mi', 'mi2'),
  w('acres?', 'acre'),
  w('square met(?:re|er)s?|m2|m²', 'm2'),
  w('kilometres?|kilometers?|km', 'km'),
  w('cubic metres?|cubic meters?|m3|m³', 'm3'),
  // gas volumes: bcf / tcf are billion / trillion cubic feet, bcm billion cubic metres
  rated(sym('bcf/d', 'ft3/day', 1e9)),
  sym('bcf', 'ft3', 1e9),
  sym('tcf', 'ft3', 1e12),
  sym('bcm', 'm3', 1e9),
  w('cubic feet|cu ft', 'ft3'),
  w('centimetres?|centimeters?|cm', 'cm'),
  w('millimetres?|millimeters?|mm', 'mm'),
  w('inch(?:es)?', 'in'),
  w('feet|foot|ft', 'ft'),
  w('metres?|meters?', 'm'),
  sym('m', 'm'),
  w('miles?', 'mi'),
  // oil: "mb/d" is a million barrels a day, "bpd" barrels a day
  rated(sym('mb/d|mbpd', 'bbl/day', 1e6)),
  rated(w('bpd|b/d', 'bbl/day')),
  w('hectares?|ha', 'ha'),
  w('barrels?|bbl', 'bbl'),
  w('litres?|liters?', 'L'),
  w('gallons?', 'gal'),
  // multipliers: "2.5-fold", "3 times", "10x"
  w('fold', 'x'),
  { ...w('times', 'x'), ambiguous: 'times' },
  sym('x', 'x'),
  sym('TEUs?', 'TEU'),
  w('bitcoins?', 'BTC'),
  sym('BTC', 'BTC'),
  sym('ETH', 'ETH'),
  w('decades?', 'decade'),
  w('years?|yrs?', 'year'),
  w('months?', 'month'),
  w('weeks?', 'week'),
  w('days?', 'day'),
  w('hours?|hrs?', 'hour'),
  w('minutes?|mins?', 'minute'),
];

/** Currency written before the number. `¥` is resolved from context (see figures.ts). */
export const CURRENCY_PREFIX = /(US\$|HK\$|AU\$|A\$|CA\$|Can\$|C\$|NZ\$|S\$|R\$|\$|€|£|¥|₹|₩|Rs\.?\s?|(?:USD|EUR|GBP|JPY|CNY|RMB|HKD|AUD|CAD|CHF|INR|KRW|SGD|NZD|BRL)\s?)/uy;
export function currencyCode(prefix: string): string {
  const p = prefix.trim();
  const map: Record<string, string> = {
    US$: 'USD',
    $: 'USD',
    HK$: 'HKD',
    A$: 'AUD',
    AU$: 'AUD',
    C$: 'CAD',
    CA$: 'CAD',
    Can$: 'CAD',
    NZ$: 'NZD',
    S$: 'SGD',
    R$: 'BRL',
    '€': 'EUR',
    '£': 'GBP',
    '¥': 'JPY',
    '₹': 'INR',
    '₩': 'KRW',
    Rs: 'INR',
    'Rs.': 'INR',
    RMB: 'CNY',
  };
  return map[p] ?? p;
}

export const TIME_UNITS = new Set(['decade', 'year', 'month', 'week', 'day', 'hour', 'minute']);

/** Units that a "per"/"a" rate may divide by, written as words. */
export const PER_UNIT_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:days?|daily)$/i, 'day'],
  [/^weeks?$/i, 'week'],
  [/^months?$/i, 'month'],
  [/^(?:years?|annum)$/i, 'year'],
  [/^hours?$/i, 'hour'],
  [/^quarters?$/i, 'quarter'],
  [/^shifts?$/i, 'shift'],
  [/^trips?$/i, 'trip'],
  [/^voyages?$/i, 'voyage'],
  [/^(?:tonnes?|tons?|t)$/i, 't'],
  [/^(?:barrels?|bbl)$/i, 'bbl'],
  [/^(?:kilowatt-hours?|kWh)$/i, 'kWh'],
  [/^(?:megawatt-hours?|MWh)$/i, 'MWh'],
  [/^(?:litres?|liters?)$/i, 'L'],
  [/^(?:kilograms?|kg)$/i, 'kg'],
  [/^(?:hectares?|ha)$/i, 'ha'],
  [/^gallons?$/i, 'gal'],
  // "£1.7bn a season", "40p a share", "£10 a head", "£150 a night": what an amount is paid per
  [/^seasons?$/i, 'season'],
  [/^shares?$/i, 'share'],
  [/^head$/i, 'head'],
  [/^nights?$/i, 'night'],
  [/^(?:person|people)$/i, 'person'],
  [/^games?$/i, 'game'],
  [/^matche?s?$/i, 'match'],
];

interface Dim {
  dim: string;
  factor: number;
}
const DIMENSIONS: Record<string, Dim> = {
  W: { dim: 'power', factor: 1 },
  kW: { dim: 'power', factor: 1e3 },
  MW: { dim: 'power', factor: 1e6 },
  GW: { dim: 'power', factor: 1e9 },
  TW: { dim: 'power', factor: 1e12 },
  Wh: { dim: 'energy', factor: 1 },
  kWh: { dim: 'energy', factor: 1e3 },
  MWh: { dim: 'energy', factor: 1e6 },
  GWh: { dim: 'energy', factor: 1e9 },
  TWh: { dim: 'energy', factor: 1e12 },
  'kH/s': { dim: 'hash', factor: 1e3 },
  'MH/s': { dim: 'hash', factor: 1e6 },
  'GH/s': { dim: 'hash', factor: 1e9 },
  'TH/s': { dim: 'hash', factor: 1e12 },
  'PH/s': { dim: 'hash', factor: 1e15 },
  'EH/s': { dim: 'hash', factor: 1e18 },
  g: { dim: 'mass', factor: 1e-3 },
  mg: { dim: 'mass', factor: 1e-6 },
  mL: { dim: 'volume', factor: 1e-6 },
  kg: { dim: 'mass', factor: 1 },
  t: { dim: 'mass', factor: 1e3 },
  oz: { dim: 'mass', factor: 0.0311035 },
  lb: { dim: 'mass', factor: 0.45359237 },
  m: { dim: 'length', factor: 1 },
  km: { dim: 'length', factor: 1e3 },
  mi: { dim: 'length', factor: 1609.344 },
  ha: { dim: 'area', factor: 1e4 },
  km2: { dim: 'area', factor: 1e6 },
  m2: { dim: 'area', factor: 1 },
  L: { dim: 'volume', factor: 1e-3 },
  m3: { dim: 'volume', factor: 1 },
  bbl: { dim: 'volume', factor: 0.158987 },
  cm: { dim: 'length', factor: 0.01 },
  mm: { dim: 'length', factor: 0.001 },
  in: { dim: 'length', factor: 0.0254 },
  ft: { dim: 'length', factor: 0.3048 },
  mi2: { dim: 'area', factor: 2589988.11 },
  acre: { dim: 'area', factor: 4046.8564 },
  ft3: { dim: 'volume', factor: 0.0283168 },
  gal: { dim: 'volume', factor: 0.00378541 },
  // energy in Wh: a joule is 1/3600 Wh; an MMBtu (million British thermal units) is 293.071 kWh
  PJ: { dim: 'energy', factor: 1e15 / 3600 },
  EJ: { dim: 'energy', factor: 1e18 / 3600 },
  ZJ: { dim: 'energy', factor: 1e21 / 3600 },
  MMBtu: { dim: 'energy', factor: 293071 },
  mph: { dim: 'speed', factor: 0.44704 },
  'km/h': { dim: 'speed', factor: 1 / 3.6 },
  ppm: { dim: 'concentration', factor: 1 },
  'µg/m3': { dim: 'mass-concentration', factor: 1 },
  'J/TH': { dim: 'efficiency', factor: 1 },
  minute: { dim: 'time', factor: 1 / 60 },
  hour: { dim: 'time', factor: 1 },
  day: { dim: 'time', factor: 24 },
  week: { dim: 'time', factor: 168 },
  month: { dim: 'time', factor: 730.5 },
  year: { dim: 'time', factor: 8766 },
  decade: { dim: 'time', factor: 87660 },
};
// temperatures have no factor (°C and °F differ by an offset too): they compare only with themselves
const KNOWN_BASES = [
  ...Object.keys(DIMENSIONS),
  '%',
  'pp',
  'pt',
  'x',
  'count',
  'TEU',
  'BTC',
  'ETH',
  '°C',
  '°F',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'HKD',
  'AUD',
  'CAD',
  'CHF',
  'INR',
  'KRW',
  'NZD',
  'SGD',
  'BRL',
  'NOK',
  'SEK',
  'DKK',
  'CZK',
].sort((a, b) => b.length - a.length);

/** Splits a canonical unit into its base and rate suffix: 'USD/day' → USD + '/day', 'EH/s' stays whole. */
export function splitUnit(unit: string): { base: string; rate: string } {
  for (const base of KNOWN_BASES) {
    if (unit === base) return { base, rate: '' };
    if (unit.startsWith(base + '/')) return { base, rate: unit.slice(base.length) };
  }
  const i = unit.indexOf('/');
  return i < 0 ? { base: unit, rate: '' } : { base: unit.slice(0, i), rate: unit.slice(i) };
}

/**
 * How to bring a value in `unit` to a common scale shared with `other`, or null
 * when the two cannot be compared (different dimension, currency or rate).
 */
export function commonFactors(unit: string, other: string): [number, number] | null {
  if (unit === other) return [1, 1];
  const a = splitUnit(unit);
  const b = splitUnit(other);
  if (a.rate !== b.rate) return null;
  const da = DIMENSIONS[a.base];
  const db = DIMENSIONS[b.base];
  if (!da || !db || da.dim !== db.dim) return null;
  return [da.factor, db.factor];
}

/** How the evaluation groups units: one family per kind of quantity; any rate suffix makes a rate. */
export type UnitFamily = 'percent' | 'pp' | 'currency' | 'energy-power' | 'physical' | 'count' | 'multiplier' | 'temperature' | 'rate';
const CURRENCIES = new Set(['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'HKD', 'AUD', 'CAD', 'CHF', 'INR', 'KRW', 'NZD', 'SGD', 'BRL', 'NOK', 'SEK', 'DKK', 'CZK', 'BTC', 'ETH']);
export function unitFamily(unit: string): UnitFamily {
  const { base, rate } = splitUnit(unit);
  if (rate !== '') return 'rate';
  if (base === '%') return 'percent';
  if (base === 'pp') return 'pp';
  if (base === 'x') return 'multiplier';
  if (base === 'count' || base === 'pt') return 'count';
  if (base === '°C' || base === '°F') return 'temperature';
  if (CURRENCIES.has(base)) return 'currency';
  const dim = DIMENSIONS[base]?.dim;
  return dim === 'power' || dim === 'energy' ? 'energy-power' : 'physical';
}
