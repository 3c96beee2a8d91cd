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
  // spoken near bounds: "getting on for 1,500", "a fraction under 4 per cent", "the best part of a decade"
  ['getting on for', 'near-below'], ['a fraction under', 'near-below'], ['a fraction below', 'near-below'],
  ['a shade under', 'near-below'], ['a shade below', 'near-below'], ['just south of', 'near-below'],
  ['the best part of', 'near-below'], ['the better part of', 'near-below'],
  // near above: a little over the value
  ['just over', 'near-above'], ['just above', 'near-above'], ['a little over', 'near-above'], ['a little above', 'near-above'],
  ['slightly more than', 'near-above'], ['slightly over', 'near-above'], ['slightly above', 'near-above'],
  ['a little more than', 'near-above'], ['just more than', 'near-above'],
  ['a fraction over', 'near-above'], ['a fraction above', 'near-above'], ['a shade over', 'near-above'],
  ['a shade above', 'near-above'], ['just north of', 'near-above'],
  // open upper: the value is a ceiling
  ['less than', 'upper'], ['under', 'upper'], ['below', 'upper'],
  ['fewer than', 'upper'], ['up to', 'upper'], ['as much as', 'upper'], ['as many as', 'upper'],
  ['as high as', 'upper'], ['no more than', 'upper'], ['not more than', 'upper'], ['at most', 'upper'],
  ['a maximum of', 'upper'], ['south of', 'upper'],
  // comparison signs as written in statistics ("p < 0.001", "n ≥ 30"); read only right before the number (figures.ts)
  ['<', 'upper'], ['≤', 'upper'], ['<=', 'upper'],
  // open lower: the value is a floor
  ['more than', 'lower'], ['over', 'lower'], ['at least', 'lower'], ['above', 'lower'],
  ['upwards of', 'lower'], ['in excess of', 'lower'], ['well over', 'lower'],
  ['well above', 'lower'], ['no fewer than', 'lower'], ['no less than', 'lower'], ['not less than', 'lower'],
  ['a minimum of', 'lower'], ['north of', 'lower'], ['>', 'lower'], ['≥', 'lower'], ['>=', 'lower'],
  // hedges written as verbs: "topped $100,000", "crossed 4 million". `hedge` holds the verb as
  // written ("topped"), and the figure stays a level: the verb says where the value now is.
  ['topped', 'lower'], ['tops', 'lower'], ['topping', 'lower'], ['crossed', 'lower'], ['crosses', 'lower'],
  ['crossing', 'lower'], ['surpassed', 'lower'], ['surpasses', 'lower'], ['surpassing', 'lower'],
  ['exceeded', 'lower'], ['exceeds', 'lower'], ['exceeding', 'lower'], ['eclipsed', 'lower'], ['eclipses', 'lower'],
  // "climbed past 600 EH/s", "assets past $110 billion": the preposition alone carries the bound, so
  // `hedge` is 'past' whatever verb comes before it (never "the past 12 months": see figures.ts)
  ['past', 'lower'],
  // approximate: the value is a centre
  ['about', 'approximate'], ['roughly', 'approximate'], ['around', 'approximate'],
  ['approximately', 'approximate'], ['near', 'approximate'], ['approx.', 'approximate'], ['an estimated', 'approximate'],
  ['estimated', 'approximate'], ['some', 'approximate'], ['circa', 'approximate'], ['c.', 'approximate'],
  // spoken approximations: "something like 40 per cent", "in the region of £300 million"
  ['something like', 'approximate'], ['in the region of', 'approximate'], ['something in the region of', 'approximate'],
  ['of the order of', 'approximate'], ['in the order of', 'approximate'], ['in the neighbourhood of', 'approximate'],
  ['in the neighborhood of', 'approximate'],
  ['~', 'approximate'],
];

/** Hedges written after a figure ("10% or more"). */
export const POST_HEDGES: ReadonlyArray<readonly [string, Exclude<Bound, 'exact' | 'range'>]> = [
  ['or more', 'lower'], ['or higher', 'lower'], ['or above', 'lower'], ['or over', 'lower'],
  ['or less', 'upper'], ['or fewer', 'upper'], ['or lower', 'upper'], ['or so', 'approximate'],
  // parenthetical, usually after a comma: "50,000 people, give or take" (figures.ts reads the comma)
  ['give or take', 'approximate'], ['or thereabouts', 'approximate'],
];
/** Hedges the number words carry themselves (spoken-numbers.ts): "a couple of hundred" is about 200. */
// "400-odd" is a little over 400 (a near bound like "just over"); "100-plus" is 100 or more
export const IMPLIED_HEDGES: ReadonlyArray<readonly [string, Exclude<Bound, 'exact' | 'range'>]> = [['a couple of', 'approximate'], ['odd', 'near-above'], ['plus', 'lower']];
/** Post hedges a speaker sets off with a comma ("50,000, give or take"). */
export const COMMA_POST_HEDGES = ['give or take', 'or thereabouts', 'or so'];

/** Number words, scales and fractions belong to the one number reader, shared with search. */
export { FRACTIONS, SCALE_ABBREVS, SCALE_WORDS, TENS_WORDS, UNITS_WORDS } from '../text/numbers.ts';


/**
 * Multipliers written as words. A verb says the direction ("doubled" is a rise to 2x,
 * "halved" a fall to 0.5x); a base form ("double", "triple") is a multiplier only after
 * a modal ("could double", a rise) or a hedge ("nearly double the share", a level);
 * "-fold" words and "twice" are levels unless a direction word goes with them.
 */
export const MULTIPLIER_WORDS: Readonly<Record<string, { value: number; form: 'verb' | 'ing' | 'base' | 'plain' }>> = {
  doubled: { value: 2, form: 'verb' }, doubles: { value: 2, form: 'verb' }, doubling: { value: 2, form: 'ing' }, double: { value: 2, form: 'base' },
  tripled: { value: 3, form: 'verb' }, triples: { value: 3, form: 'verb' }, tripling: { value: 3, form: 'ing' }, triple: { value: 3, form: 'base' },
  trebled: { value: 3, form: 'verb' }, trebles: { value: 3, form: 'verb' }, trebling: { value: 3, form: 'ing' }, treble: { value: 3, form: 'base' },
  quadrupled: { value: 4, form: 'verb' }, quadruples: { value: 4, form: 'verb' }, quadrupling: { value: 4, form: 'ing' }, quadruple: { value: 4, form: 'base' },
  halved: { value: 0.5, form: 'verb' }, halves: { value: 0.5, form: 'verb' }, halving: { value: 0.5, form: 'ing' }, halve: { value: 0.5, form: 'base' },
  twice: { value: 2, form: 'plain' }, twofold: { value: 2, form: 'plain' }, threefold: { value: 3, form: 'plain' }, fourfold: { value: 4, form: 'plain' },
  fivefold: { value: 5, form: 'plain' }, sixfold: { value: 6, form: 'plain' }, sevenfold: { value: 7, form: 'plain' }, eightfold: { value: 8, form: 'plain' },
  ninefold: { value: 9, form: 'plain' }, tenfold: { value: 10, form: 'plain' }, hundredfold: { value: 100, form: 'plain' },
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
  'routes', 'junction', 'junctions', 'terminal', 'pier', 'berth', 'ward', 'wards', 'precinct', 'district',
  'lane', 'lanes', 'hall', 'channel', 'text', 'dial', 'ext', 'extension', 'top',
];
