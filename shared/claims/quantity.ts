/**
 * The Quantity type the notebook's Claim model stores, and the one rule that turns
 * a hedge into the band of values the writer committed to.
 *
 * A figure in a source is rarely exact: "almost 70%", "about 46%", "up to 8 GWh".
 * A reader hears three kinds of hedge, and so does this module:
 *  - near bounds: "almost 70%" is a little below 70, not "anything up to 70";
 *    "just over 70%" a little above it;
 *  - open bounds: "up to", "less than", "at most" (anything below), "more than",
 *    "at least", "topped" (anything above);
 *  - approximate: "about", "around", "roughly" (either side of the value).
 * Every Quantity carries its band explicitly in `lower`/`upper` (null = open),
 * so the conflict check reasons about intervals instead of bare numbers.
 */

export type Bound =
  | 'exact'
  | 'approximate' // about v: [v − 10%, v + 10%]
  | 'near-below' // almost v: [v − 10%, v]
  | 'near-above' // just over v: [v, v + 10%]
  | 'upper' // up to v: (−∞, v]
  | 'lower' // more than v: [v, +∞)
  | 'range'; // between a and b: [a, b]

/**
 * A level ("stands at 46%") or a change: a rise ("rose 3%", "doubled"), a fall
 * ("fell by $9.6bn", "halved") or a change of unknown direction ("changed by 2%").
 * The value stays as written ("fell 3%" is 3, kind 'fall'; "-3.2%" is −3.2);
 * changes never compare with levels.
 */
export type FigureKind = 'level' | 'rise' | 'fall' | 'change';

/** A time written next to a figure: inclusive ISO dates, and the words as written ("in April", "September 2019"). */
export interface Period {
  from: string; // YYYY-MM-DD
  to: string; // YYYY-MM-DD
  text: string;
}

export interface Quantity {
  value: number | null; // the central value (null for a pure range)
  lower: number | null; // inclusive lower end of the band, null if open
  upper: number | null; // inclusive upper end of the band, null if open
  unit: string | null; // canonical unit ('%', 'pp', 'USD', 'GW', 'count', 'USD/day', '%/yoy' ...)
  hedge: string | null; // the hedge words as written, lower-cased
  bound: Bound;
  raw: string; // the exact span text
  kind: FigureKind;
  /** The time the figure's own sentence gives it, when it gives one. */
  asOf: Period | null;
  /** How an ambiguous reading was resolved, in the user's words ("¥ read as yuan: the story is about China"), else null. */
  reading: string | null;
}

/**
 * Relative half-width given to approximate figures ("about 46%" = 41.4–50.6).
 * 10% because a writer who says "about" has usually rounded to one or two
 * significant figures and may be repeating a loosely reported number: a tighter
 * tolerance flags ordinary reporting noise (about 46% vs 49%) as a conflict, a
 * wider one hides real disagreements (about 46% vs 60%).
 */
export const APPROX_TOLERANCE = 0.1;

/**
 * Relative width of a near bound ("almost 70%" = 63–70, "just over 70%" = 70–77).
 * A writer says "almost 70%" for a figure that rounds up to 70 as the next round
 * number: 68.7% is "almost 70%", 64% still is in wire copy ("nearly two-thirds"
 * territory), but 55% would be written "more than half", and nobody writes "almost
 * 70%" for 46%. The same 10% as APPROX_TOLERANCE, because a near bound is the
 * one-sided half of "about": the writer rounded in a known direction. Measured on
 * the labelled pairs (test/fixtures/claims): 5% turned real corrections ("almost
 * 70%" vs a precise 65.1%) into conflicts; 20% hid "almost 70%" vs "about 55%".
 */
export const NEAR_TOLERANCE = 0.1;

/**
 * Builds the band for a single hedged value. Open bounds ("less than", "up to")
 * are not told apart by strictness: a written figure is itself rounded and the
 * difference is below reporting precision. Bands keep their ordering for negative
 * values ("almost −3%" is −3 to −2.7: a little less far below zero).
 */
export function boundsFor(value: number, bound: Exclude<Bound, 'range'>): { lower: number | null; upper: number | null } {
  const towardZero = (t: number) => roundTiny(value - Math.sign(value) * Math.abs(value) * t);
  const awayFromZero = (t: number) => roundTiny(value + Math.sign(value) * Math.abs(value) * t);
  switch (bound) {
    case 'exact':
      return { lower: value, upper: value };
    case 'upper':
      return { lower: null, upper: value };
    case 'lower':
      return { lower: value, upper: null };
    case 'near-below':
      return value >= 0 ? { lower: towardZero(NEAR_TOLERANCE), upper: value } : { lower: awayFromZero(NEAR_TOLERANCE), upper: value };
    case 'near-above':
      return value >= 0 ? { lower: value, upper: awayFromZero(NEAR_TOLERANCE) } : { lower: value, upper: towardZero(NEAR_TOLERANCE) };
    case 'approximate': {
      const a = roundTiny(value * (1 - APPROX_TOLERANCE));
      const b = roundTiny(value * (1 + APPROX_TOLERANCE));
      return { lower: Math.min(a, b), upper: Math.max(a, b) };
    }
  }
}

/** Strips binary floating-point noise (46 * 0.9 = 41.400000000000006). */
export function roundTiny(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}

const SCALES: Array<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];
/** A band end as a reader writes it: "41.4", "2,700", "2.7 million". */
export function formatNumber(x: number): string {
  for (const [f, word] of SCALES) if (Math.abs(x) >= f) return `${Number.parseFloat((x / f).toFixed(2))} ${word}`;
  return Math.abs(x) >= 1000 ? x.toLocaleString('en-US', { maximumFractionDigits: 0 }) : String(Number.parseFloat(x.toFixed(2)));
}

/**
 * The band a hedge implies, in words, as the inspector, the conflict reasons and
 * the briefing show it: "63–70%" for "almost 70%", "41.4–50.6%" for "about 46%".
 * Empty when the figure's own words already say all of it (exact figures, open
 * bounds such as "more than 70%", ranges as written).
 */
export function bandText(q: Pick<Quantity, 'lower' | 'upper' | 'unit' | 'bound'>): string {
  if (!(q.bound === 'approximate' || q.bound === 'near-below' || q.bound === 'near-above') || q.lower === null || q.upper === null) return '';
  const u = q.unit === null || q.unit === 'count' ? '' : q.unit === '%' ? '%' : ` ${q.unit}`;
  return `${formatNumber(q.lower)}–${formatNumber(q.upper)}${u}`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A period as a reader says it: "12 April 2021", "April 2021", "Q2 2021", "2021", else "2021-04-03 to 2021-05-20". */
export function formatPeriod(p: Pick<Period, 'from' | 'to'>): string {
  const [fy, fm, fd] = p.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = p.to.split('-').map(Number) as [number, number, number];
  if (p.from === p.to) return `${fd} ${MONTH_NAMES[fm - 1]} ${fy}`;
  if (fy === ty && fd === 1 && td === lastDay(ty, tm)) {
    if (fm === 1 && tm === 12) return String(fy);
    if (fm === tm) return `${MONTH_NAMES[fm - 1]} ${fy}`;
    if (tm === fm + 2 && fm % 3 === 1) return `Q${(fm + 2) / 3} ${fy}`;
    if (fm === 1 && tm === 6) return `first half of ${fy}`;
    if (fm === 7 && tm === 12) return `second half of ${fy}`;
  }
  return `${p.from} to ${p.to}`;
}

/** The Quantity part of a detected figure (a Figure also carries its offsets and subject). */
export function toQuantity(f: Quantity): Quantity {
  const { value, lower, upper, unit, hedge, bound, raw, kind, asOf, reading } = f;
  return { value, lower, upper, unit, hedge, bound, raw, kind, asOf, reading };
}
