/**
 * Word lists for figure detection: hedges, written numbers, fractions, scale
 * words and the context words that mark a number as a non-figure (a section, a
 * date, a reference code). Kept as plain data so every decision the detector
 * makes can be traced to one table entry.
 */

import type { Bound } from './quantity.ts';

/** Hedges written before a figure, with the bound they imply. */
export const PRE_HEDGES: ReadonlyArray<readonly [string, Exclude<Bound, 'exact' | 'range'>]> = [
  // near below: a little under the value ("almost 70%" is 63–70, see quantity.ts)
  ['almost', 'near-below'], ['nearly', 'near-below'], ['just under', 'near-below'], ['just below', 'near-below'],
  ['close to', 'near-below'], ['just shy of', 'near-below'], ['shy of', 'near-below'], ['a little under', 'near-below'],
  ['a little below', 'near-below'], ['slightly less than', 'near-below'], ['slightly under', 'near-below'],
  ['slightly below', 'near-below'], ['a little less than', 'near-below'], ['not quite', 'near-below'],
  // near above: a little over the value
  ['just over', 'near-above'], ['just above', 'near-above'], ['a little over', 'near-above'], ['a little above', 'near-above'],
  ['slightly more than', 'near-above'], ['slightly over', 'near-above'], ['slightly above', 'near-above'],
  ['a little more than', 'near-above'], ['just more than', 'near-above'],
  // open upper: the value is a ceiling
  ['less than', 'upper'], ['under', 'upper'], ['below', 'upper'],
  ['fewer than', 'upper'], ['up to', 'upper'], ['as much as', 'upper'], ['as many as', 'upper'],
  ['as high as', 'upper'], ['no more than', 'upper'], ['not more than', 'upper'], ['at most', 'upper'],
  ['a maximum of', 'upper'],
  // open lower: the value is a floor
  ['more than', 'lower'], ['over', 'lower'], ['at least', 'lower'], ['above', 'lower'],
  ['upwards of', 'lower'], ['in excess of', 'lower'], ['well over', 'lower'],
  ['well above', 'lower'], ['no fewer than', 'lower'], ['no less than', 'lower'], ['not less than', 'lower'],
  ['a minimum of', 'lower'],
  // approximate: the value is a centre
  ['about', 'approximate'], ['roughly', 'approximate'], ['around', 'approximate'],
  ['approximately', 'approximate'], ['approx.', 'approximate'], ['an estimated', 'approximate'],
  ['estimated', 'approximate'], ['some', 'approximate'], ['circa', 'approximate'], ['c.', 'approximate'],
  ['~', 'approximate'],
];

/** Hedges written after a figure ("10% or more"). */
export const POST_HEDGES: ReadonlyArray<readonly [string, Exclude<Bound, 'exact' | 'range'>]> = [
  ['or more', 'lower'], ['or higher', 'lower'], ['or above', 'lower'], ['or over', 'lower'],
  ['or less', 'upper'], ['or fewer', 'upper'], ['or lower', 'upper'], ['or so', 'approximate'],
];

export const UNITS_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
export const TENS_WORDS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};
/** Abbreviated scales. Single letters (m, b) are handled separately: "3m" may be metres. */
export const SCALE_ABBREVS: Readonly<Record<string, number>> = {
  k: 1e3, mn: 1e6, mln: 1e6, bn: 1e9, bln: 1e9, tn: 1e12, trn: 1e12,
};

/** Fractions as shares of a whole, in percent. */
export const FRACTIONS: Readonly<Record<string, number>> = {
  half: 50, halves: 50, third: 100 / 3, thirds: 100 / 3, quarter: 25, quarters: 25,
  fifth: 20, fifths: 20, sixth: 100 / 6, sixths: 100 / 6, seventh: 100 / 7, sevenths: 100 / 7,
  eighth: 12.5, eighths: 12.5, ninth: 100 / 9, ninths: 100 / 9, tenth: 10, tenths: 10,
};

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
];

/** Words that, directly before a number, make it a label rather than a quantity. */
export const REFERENCE_NOUNS = [
  'section', 'sections', 'article', 'articles', 'art', 'chapter', 'chapters', 'clause', 'clauses',
  'paragraph', 'paragraphs', 'para', 'page', 'pages', 'p', 'pp', 'figure', 'fig', 'table', 'annex',
  'appendix', 'schedule', 'rule', 'item', 'part', 'volume', 'vol', 'issue', 'no', 'nos', 'number',
  'ref', 'reference', 'code', 'case', 'docket', 'form', 'decree', 'order', 'circular', 'notice',
  'resolution', 'ticket', 'model', 'flight', 'route', 'version', 'release', 'firmware', 'build',
  'update', 'patch', 'room', 'platform', 'gate', 'line', 'highway', 'road', 'lot', 'block', 'plot',
  'phase', 'stage', 'level', 'tier', 'grade', 'class', 'type', 'unit', 'reactor', 'law', 'regulation',
  'directive', 'bill', 'act', 'document', 'file', 'exhibit', 'step', 'question', 'id',
];
