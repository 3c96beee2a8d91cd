/**
 * Non-figures recognised from the words around a number: names that end in a
 * number ("FTSE 100", "Hut 8", "Windows 11"), ages of people ("a 45-year-old",
 * "Jane Okafor, 54,", "turned 40") and period descriptors ("a five-year
 * average", "the past 12 months", "the highest in 79 years", "18 months ago").
 * Shapes recognisable from characters alone (scores, date ranges, "aged 18 to
 * 24") are masked in exclusions.ts instead.
 */

import { MONTHS, PRE_HEDGES } from './lexicon.ts';
import { TIME_UNITS } from './units.ts';

// Capitalised words that start sentences or clauses and are not names: function
// words, hedges ("Some 60 vessels", "Roughly 800"), months and weekdays.
const NOT_NAMES = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'of',
  'for',
  'by',
  'with',
  'from',
  'to',
  'and',
  'but',
  'or',
  'nor',
  'so',
  'yet',
  'only',
  'just',
  'all',
  'another',
  'since',
  'after',
  'before',
  'during',
  'until',
  'than',
  'last',
  'next',
  'every',
  'each',
  'those',
  'these',
  'this',
  'that',
  'its',
  'their',
  'his',
  'her',
  'our',
  'your',
  'my',
  'between',
  'exactly',
  'precisely',
  'still',
  'also',
  'already',
  'even',
  'then',
  'now',
  'today',
  'yesterday',
  'tonight',
  'while',
  'when',
  'where',
  'if',
  'as',
  'some',
  'about',
  'around',
  'nearly',
  'almost',
  'roughly',
  'over',
  'under',
  'up',
  'down',
  'more',
  'less',
  'fewer',
  'most',
  'least',
  'about',
  'another',
  'both',
  'another',
  'total',
  'altogether',
  'overall',
  'including',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'may',
  'among',
  'amid',
  'across',
  'against',
  'despite',
  'within',
  'without',
  'into',
  'through',
  'throughout',
  'toward',
  'towards',
  'via',
  'per',
  'plus',
  'minus',
  'except',
  'beyond',
  'upon',
  'whereas',
  'although',
  'though',
  'because',
  'once',
  'unless',
  'whether',
  'like',
  'unlike',
  'excluding',
  'versus',
  'vs',
  'almost',
  'nearly',
  // measures written before their value in headlines ("Magnitude 6.1 Quake"), and sentence adverbs ("Perhaps 20")
  'magnitude',
  'perhaps',
  'maybe',
  'possibly',
  'probably',
  'likely',
  'typically',
  'usually',
  'approximately',
  'reportedly',
  ...MONTHS.map((m) => m.toLowerCase()),
  ...PRE_HEDGES.map(([h]) => h.split(' ')[0] ?? h),
]);

// confidence/credible intervals, hazard/odds/risk ratios, dispersion, effect sizes
const STAT_ABBREVIATIONS = new Set(['CI', 'CrI', 'UI', 'HR', 'aHR', 'OR', 'aOR', 'RR', 'IRR', 'SD', 'SE', 'SEM', 'IQR', 'AUC', 'BMI', 'NNT', 'ARR', 'RRR', 'SMD', 'ICC']);
const NAME_BEFORE = /(?:^|[\s("“‘'/])((?:\p{Lu}[\p{L}&+]*|\p{Ll}+\p{Lu}\p{L}*))[ \u00A0]$/u;

/**
 * A number that ends a name: "FTSE 100", "S&P 500", "Boeing 737", "Hut 8",
 * "iPhone 15", "Category 5", "Measure 110". Asked only for a bare number (no
 * unit, scale or currency), since "Tesla 3% higher" is a figure.
 */
export function isNameNumber(text: string, numStart: number, numEnd: number): boolean {
  const written = text.slice(numStart, numEnd);
  // names carry short plain numbers: "Headcount 61,400" and "Among 3,412 respondents" are counts
  if (/,\d/.test(written)) return false;
  const after = text.slice(numEnd, numEnd + 12);
  const m = NAME_BEFORE.exec(text.slice(Math.max(0, numStart - 24), numStart));
  // a number after a statistic's abbreviation is its value ("CI 0.4", "HR 0.79", "IQR 4–9"); "iOS 17.4", "USB 3.0" stay names
  if (m && STAT_ABBREVIATIONS.has(m[1]!)) return false;
  if (m && !NOT_NAMES.has(m[1]!.toLowerCase())) return true;
  // "737 MAX 9": a model number before a capitalised model name and its variant; "44 737 MAX jets" after a count
  if (/^[ \u00A0]\p{Lu}{2,}[ \u00A0]\d/u.test(after)) return true;
  return /\d[ \u00A0]$/.test(text.slice(Math.max(0, numStart - 2), numStart)) && /^[ \u00A0]\p{Lu}{2,}(?!\p{Ll})/u.test(after);
}

/** "95% CI", "the 90% credible interval": a confidence level names the interval that follows. */
export function isConfidenceLevel(text: string, end: number): boolean {
  return /^[ \u00A0]*(?:CIs?|CrI|UI|PI|confidence (?:interval|level|bounds?|limits?)|credible interval|uncertainty interval|prediction interval)(?![\p{L}])/u.test(text.slice(end, end + 24));
}

/**
 * "a two-party basis", "a three-way race", "a two-time champion", "a four-star hotel": a
 * number joined to a noun of kind or rank describes a type, it measures nothing.
 */
export function isTypeCompound(text: string, end: number): boolean {
  return /^-(?:party|way|horse|star|time|term|part|act|tier|speed|sided|dimensional|pronged|pillar|point\s+plan|step\s+plan)(?![\p{L}-])/iu.test(text.slice(end, end + 24));
}

/** "a three-session losing run", "a five-match winning streak": the length of a streak describes it. */
export function isStreakLength(text: string, end: number): boolean {
  return /^-\p{L}+[ \u00A0]+(?:(?:winning|losing|unbeaten|winless|scoreless|straight|record)[ \u00A0]+)?(?:run|streak|stretch|spell|skid|sequence)(?![\p{L}])/u.test(text.slice(end, end + 40));
}

/** "the 5km and 10km races", "the 100m final": a distance naming an event, not a measurement. */
export function isEventDistance(text: string, end: number, unit: string | null): boolean {
  if (unit !== 'km' && unit !== 'm' && unit !== 'mi') return false;
  return /^(?:\s+(?:and|or)\s+\d+(?:\.\d+)?\s?(?:km|m|k|mi|miles?))?\s+(?:races?|runs?|walks?|finals?|heats?|sprints?|relays?|events?|marathons?|swims?|courses?)(?![\p{L}])/iu.test(
    text.slice(end, end + 40),
  );
}

const THING_AFTER =
  /^-old\s+(?:building|house|home|mill|bridge|dam|reactor|plant|mine|tree|trees|company|firm|business|record|law|rule|silo|silos|pipeline|station|ship|vessel|car|truck|church|tradition|system|network|institution|brand|factory|school|hospital|pier|road|line|railway|wall|tower|well|wells|turbine|turbines|fleet|grid)(?![\p{L}])/iu;
const PERSON_CUE = /(?:^|[^\p{L}])(?:he|she|who|man|woman|men|women|boy|girl|child|children|son|daughter|patient|victim|suspect|mother|father|I|we|they|people|person)(?![\p{L}])/iu;
const PERSON_BEFORE =
  /(?:\p{Lu}\p{Ll}+|\b(?:son|daughter|wife|husband|mother|father|brother|sister|partner|suspect|victim|man|woman|boy|girl|driver|teenager|defendant|co-defendant|resident|pensioner|owner|nurse|teacher|farmer)),\s+$/u;

/**
 * The number is somebody's age: "a 34-year-old", "50 years old", "Jane Okafor,
 * 54, a nurse", "his son, 19,", "turned 40". (`end` is after the unit.)
 */
export function isAgeNumber(text: string, start: number, end: number, unit: string | null, value: number): boolean {
  const after = text.slice(end, end + 40);
  if (unit === 'year') {
    // "a 34-year-old", "45-year-olds": a person unless a thing follows ("a 100-year-old mill")
    if (/^-olds?(?![\p{L}])/u.test(after)) return !THING_AFTER.test(after);
    // "50 years old", "50 years of age": a person only when the sentence is about one ("silos are 40 years old" is a figure)
    if (/^\s+(?:old|of\s+age)(?![\p{L}])/u.test(after)) return PERSON_CUE.test(text.slice(Math.max(0, start - 48), start));
  }
  if (unit !== null || !Number.isInteger(value) || value < 1 || value > 119) return false;
  const before = text.slice(Math.max(0, start - 24), start);
  if (/(?:^|[^\p{L}])turn(?:s|ed|ing)?\s+$/iu.test(before)) return true;
  return /^\s*,/.test(after) && PERSON_BEFORE.test(before) && !/(?:^|\s)(?:In|On|By|Since|Of)\s+\p{Lu}\p{Ll}+,\s+$/u.test(before);
}

// a period noun after a hyphenated duration: "a five-year average", "a 10-year high", "the 30-year fixed rate"
const PERIOD_NOUN =
  /^\s+(?:average|high|highs|low|lows|record|peak|mean|median|trend|period|span|window|horizon|yield|bond|bonds|note|notes|treasury|treasuries|gilt|gilts|bund|bunds|mortgage|fixed|rate|price|plan|programme|program|strategy|cycle|series|history|stretch|streak|deal|contract|term|outlook|forecast|moving|rolling|annuali[sz]ed|old|olds|yields|fall|falls|rise|rises|drop|drops|gain|gains|decline|declines|jump|loss|losses|increase|move|moves|slide|rally|selloff|sell-off|return|returns|survival|mortality|incidence|recurrence|relapse|readmission|follow-up|retention|prevalence|overall|all-cause|(?:event|disease|progression|recurrence|relapse)-free|cumulative|relative)(?![\p{L}])/iu;
// a hyphenated duration standing for an instrument: "the 10-Year At 4.6%", "the two-year rose to 4.8%"
const INSTRUMENT_AFTER = /^\s+(?:at|is|was|rose|fell|jumped|dropped|slid|climbed|ended|closed|traded|hit|touched|eased|gained|added|lost)\s+(?:[$€£¥₹+\-−]?\d|to\s|by\s|at\s|a\s)/iu;
const PERIOD_LEAD = /(?:^|[^\p{L}])(?:(?:(?:the|this|these|its|their|our|his|her)\s+)?(?:past|last|next|first|previous|coming|final|same|latest|recent|preceding|following|initial|opening)|the)\s+$/iu;
const TIME_REFERENCE_AFTER =
  /^\s+(?:ago|earlier|later|before|after|prior|back|hence|previously|from now|to (?:January|February|March|April|May|June|July|August|September|October|November|December)|through|ending|ended)(?![\p{L}])/u;
// "the highest in 79 years", "its first cut in four years"
const SUPERLATIVE_IN = /(?:\p{L}+est|most|least|record|first|last|only|worst|best)\s+(?:\p{L}+\s+){0,2}?in\s+$/iu;

/**
 * A duration that says when or over what span, not how much: "five-year average",
 * "the past 12 months", "the 12 months to July", "18 months ago", "the highest in
 * 79 years". `spanStart` includes any hedge ("the lowest in more than two years").
 */
export function isPeriodDescriptor(text: string, spanStart: number, unit: string | null, hyphenUnit: boolean, end: number): boolean {
  if (unit === null || !TIME_UNITS.has(unit)) return false;
  const after = text.slice(end, end + 24);
  if (hyphenUnit && (PERIOD_NOUN.test(after) || INSTRUMENT_AFTER.test(after))) return true;
  // "the 10-year JGB yield", "the 30-year US Treasury bond": a name or acronym between duration and period noun
  if (hyphenUnit) {
    const named = /^(?:\s+(?:\p{Lu}{2,5}|\p{Lu}\p{Ll}+)){1,2}(?=\s)/u.exec(after + text.slice(end + 24, end + 48));
    if (named && PERIOD_NOUN.test((after + text.slice(end + 24, end + 48)).slice(named[0].length))) return true;
  }
  const before = text.slice(Math.max(0, spanStart - 48), spanStart);
  // "a minimum term of eight years before he can apply", "jailed for 18 months before": a measured span, not a date
  const measured = /(?:^|[^\p{L}])(?:of|for)\s+$/iu.test(before) && /^\s+(?:before|after)(?![\p{L}])/iu.test(after);
  // "the 12 months to July" but not "the three-day festival", which measures the festival
  return (!hyphenUnit && PERIOD_LEAD.test(before)) || (!measured && TIME_REFERENCE_AFTER.test(after)) || SUPERLATIVE_IN.test(before);
}
