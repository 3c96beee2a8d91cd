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
}

const w = (src: string, unit: string, factor?: number): UnitPattern => ({ re: new RegExp(`(?:${src})(?![\\p{L}\\p{N}])`, 'iuy'), unit, factor, word: true });
const sym = (src: string, unit: string, factor?: number): UnitPattern => ({ re: new RegExp(`(?:${src})(?![\\p{L}\\p{N}])`, 'uy'), unit, factor });

export const UNIT_PATTERNS: readonly UnitPattern[] = [
  { re: /%/y, unit: '%' },
  w('percentage[- ]points?|ppts?|pp', 'pp'),
  w('per[- ]?cent|pct', '%'),
  w('US dollars?|dollars?', 'USD'), w('euros?', 'EUR'), w('pounds sterling|sterling', 'GBP'),
  w('yen', 'JPY'), w('yuan|renminbi', 'CNY'),
  // subunits: "4 cents" is 0.04 USD (a cent is taken as a US cent, the common case in our sources)
  w('cents?|¢', 'USD', 0.01), w('pence', 'GBP', 0.01),
  sym('USD|EUR|GBP|JPY|CNY|HKD|AUD|CAD|CHF|INR', '$&'), sym('RMB', 'CNY'),
  w('terawatt[- ]hours?', 'TWh'), w('gigawatt[- ]hours?', 'GWh'), w('megawatt[- ]hours?', 'MWh'), w('kilowatt[- ]hours?', 'kWh'),
  sym('TWh|GWh|MWh|kWh|Wh', '$&'),
  w('terawatts?', 'TW'), w('gigawatts?', 'GW'), w('megawatts?', 'MW'), w('kilowatts?', 'kW'),
  sym('TW|GW|MW|kW', '$&'),
  { re: /([kMGTPE])H\/s(?![\p{L}\p{N}])/iuy, unit: '$1H/s' },
  w('exahash(?:es)? per second', 'EH/s'), w('petahash(?:es)? per second', 'PH/s'), w('terahash(?:es)? per second', 'TH/s'),
  sym('Mt', 't', 1e6),
  w('metric tons?|tonnes?|tons?', 't'), sym('t', 't'),
  w('kilograms?|kilos|kg', 'kg'), w('ounces?|oz', 'oz'),
  w('square kilometres?|square kilometers?|km2|km²', 'km2'),
  w('kilometres?|kilometers?|km', 'km'), w('cubic metres?|cubic meters?|m3|m³', 'm3'),
  w('metres?|meters?', 'm'), sym('m', 'm'), w('miles?', 'mi'),
  w('hectares?|ha', 'ha'), w('barrels?|bbl', 'bbl'), w('litres?|liters?', 'L'),
  // multipliers: "2.5-fold", "3 times", "10x"
  w('fold|times', 'x'), sym('x', 'x'),
  sym('TEUs?', 'TEU'), w('bitcoins?', 'BTC'), sym('BTC', 'BTC'),
  w('years?', 'year'), w('months?', 'month'), w('weeks?', 'week'), w('days?', 'day'), w('hours?', 'hour'), w('minutes?', 'minute'),
];

/** Currency written before the number. `¥` is resolved from context (see figures.ts). */
export const CURRENCY_PREFIX = /(US\$|HK\$|A\$|C\$|\$|€|£|¥|(?:USD|EUR|GBP|JPY|CNY|RMB|HKD|AUD|CAD|CHF|INR)\s?)/uy;
export function currencyCode(prefix: string): string {
  const p = prefix.trim();
  const map: Record<string, string> = { 'US$': 'USD', $: 'USD', 'HK$': 'HKD', 'A$': 'AUD', 'C$': 'CAD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', RMB: 'CNY' };
  return map[p] ?? p;
}

export const TIME_UNITS = new Set(['year', 'month', 'week', 'day', 'hour', 'minute']);

/** Units that a "per"/"a" rate may divide by, written as words. */
export const PER_UNIT_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:days?|daily)$/i, 'day'], [/^weeks?$/i, 'week'], [/^months?$/i, 'month'], [/^(?:years?|annum)$/i, 'year'],
  [/^hours?$/i, 'hour'], [/^quarters?$/i, 'quarter'], [/^shifts?$/i, 'shift'], [/^trips?$/i, 'trip'], [/^voyages?$/i, 'voyage'], [/^(?:tonnes?|tons?|t)$/i, 't'], [/^(?:barrels?|bbl)$/i, 'bbl'],
  [/^(?:kilowatt-hours?|kWh)$/i, 'kWh'], [/^(?:megawatt-hours?|MWh)$/i, 'MWh'], [/^(?:litres?|liters?)$/i, 'L'],
  [/^(?:kilograms?|kg)$/i, 'kg'], [/^(?:hectares?|ha)$/i, 'ha'],
];

interface Dim { dim: string; factor: number }
const DIMENSIONS: Record<string, Dim> = {
  W: { dim: 'power', factor: 1 }, kW: { dim: 'power', factor: 1e3 }, MW: { dim: 'power', factor: 1e6 },
  GW: { dim: 'power', factor: 1e9 }, TW: { dim: 'power', factor: 1e12 },
  Wh: { dim: 'energy', factor: 1 }, kWh: { dim: 'energy', factor: 1e3 }, MWh: { dim: 'energy', factor: 1e6 },
  GWh: { dim: 'energy', factor: 1e9 }, TWh: { dim: 'energy', factor: 1e12 },
  'kH/s': { dim: 'hash', factor: 1e3 }, 'MH/s': { dim: 'hash', factor: 1e6 }, 'GH/s': { dim: 'hash', factor: 1e9 },
  'TH/s': { dim: 'hash', factor: 1e12 }, 'PH/s': { dim: 'hash', factor: 1e15 }, 'EH/s': { dim: 'hash', factor: 1e18 },
  kg: { dim: 'mass', factor: 1 }, t: { dim: 'mass', factor: 1e3 }, oz: { dim: 'mass', factor: 0.0311035 },
  m: { dim: 'length', factor: 1 }, km: { dim: 'length', factor: 1e3 }, mi: { dim: 'length', factor: 1609.344 },
  ha: { dim: 'area', factor: 1e4 }, km2: { dim: 'area', factor: 1e6 },
  L: { dim: 'volume', factor: 1e-3 }, m3: { dim: 'volume', factor: 1 }, bbl: { dim: 'volume', factor: 0.158987 },
  minute: { dim: 'time', factor: 1 / 60 }, hour: { dim: 'time', factor: 1 }, day: { dim: 'time', factor: 24 },
  week: { dim: 'time', factor: 168 }, month: { dim: 'time', factor: 730.5 }, year: { dim: 'time', factor: 8766 },
};
const KNOWN_BASES = [...Object.keys(DIMENSIONS), '%', 'pp', 'x', 'count', 'TEU', 'BTC', 'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'HKD', 'AUD', 'CAD', 'CHF', 'INR']
  .sort((a, b) => b.length - a.length);

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
