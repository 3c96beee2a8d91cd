/**
 * Reading one quantity at a position: sign, currency, number, scale, unit and
 * rate ("−$3.2bn", "Rs 500 crore", "4.2 euro cents per kilowatt-hour", "doubled").
 * What surrounds it (hedges, ranges, kind, context readings) is figures.ts's job;
 * whether the number is a label instead of a quantity is asked of exclusions.ts
 * and non-figures.ts on the way; units are read by read-unit.ts, numbers as
 * people say them ("a couple of hundred", "one and a half", ".02") by spoken-numbers.ts.
 */

import { MULTIPLIER_WORDS } from './lexicon.ts';
import { CURRENCY_PREFIX, currencyCode, TIME_UNITS, type UnitPattern } from './units.ts';
import { readUnit } from './read-unit.ts';
import { leadingDot, readSpoken, withHalf } from './spoken-numbers.ts';
import { clauseRate, readRate } from './rates.ts';
import { roundTiny } from './quantity.ts';
import { readDigits, readScale, readWordNumber, type NumberToken } from './numbers.ts';
import { insideMask, isChargeNumber, isCodeFragment, isDayOfMonth, isReference, skipLabel, type Span } from './exclusions.ts';
import { isAgeNumber, isConfidenceLevel, isEventDistance, isNameNumber, isStreakLength, isTypeCompound } from './non-figures.ts';

/** One number with what is written right after it. */
export interface Core {
  start: number; // span start (sign, currency symbol or number)
  numStart: number;
  num: NumberToken;
  value: number; // after sign, scale and unit factor
  scale: number; // 1 when none was written
  unit: string | null; // base unit; null = a bare count
  currency: boolean;
  /** the currency sign as written ("$", "¥"), for readings from context */
  sign: string;
  hyphenUnit: boolean;
  /** a unit whose meaning the sentence settles: 'points' (pt or pp), 'degrees' (°C or °F), 'cents' (whose cents) */
  ambiguous: UnitPattern['ambiguous'] | 'cents' | null;
  /** a multiplier word ("doubled", "halved", "twice"): its form decides the kind */
  multiplier: { form: 'verb' | 'ing' | 'base' | 'plain'; direction: 'rise' | 'fall' } | null;
  rate: string; // '' or '/day', '/t', '/yoy' ...
  end: number;
  nounHint: string; // words between unit and rate ("of fuel")
  /** a hedge the number words carry themselves ("a couple of hundred"), else null */
  impliedHedge: string | null;
  /** an article standing for one unit ("a decade"): a figure only when hedged ("nearly a decade") */
  article: boolean;
}

/** Reads one number and what follows it; a number means "skip to here", null "nothing here". */
export function readCore(text: string, pos: number, masks: readonly Span[], assumedCurrency: string | null = null): Core | number | null {
  let q = pos;
  // a sign written against the number ("-3.2%", "−0.4%", "+0.5%") or the word "minus"
  let sign = 1;
  const sm0 = /[-−+](?=[$€£¥₹]?\d)|minus\s+(?=\d)/iy;
  sm0.lastIndex = q;
  const signM = sm0.exec(text);
  if (signM) {
    sign = signM[0].startsWith('+') ? 1 : -1;
    q = sm0.lastIndex;
  }
  // the second number of "$5-10m" is in dollars too, which makes its "m" a million
  let currency: string | null = assumedCurrency;
  let signText = '';
  CURRENCY_PREFIX.lastIndex = q;
  const cm = CURRENCY_PREFIX.exec(text);
  if (cm && /\d/.test(text[CURRENCY_PREFIX.lastIndex] ?? '')) {
    currency = currencyCode(cm[0]);
    signText = cm[0].trim();
    q = CURRENCY_PREFIX.lastIndex;
  }
  let numStart = q;
  if (insideMask(masks, numStart)) return skipToken(text, numStart);
  const isDigit = /\d/.test(text[q] ?? '');
  if (!isDigit && !currency && !signM) {
    const mult = readMultiplier(text, q);
    if (mult !== undefined) return mult;
  }
  let num = isDigit ? readDigits(text, q) : currency || signM ? null : readWordNumber(text, q);
  // "a couple of hundred", "(nearly) a decade": numbers said rather than written
  const spoken = num === null && !isDigit && !currency && !signM ? readSpoken(text, q) : null;
  if (spoken) num = spoken.num;
  if (!num) return null;
  if (isDigit && !currency && !signM) {
    const dotted = leadingDot(text, numStart, num);
    if (dotted) {
      num = dotted;
      pos = numStart = numStart - 1;
    }
  }
  if (isDigit && !currency) num = withoutModelNumber(text, num, numStart);
  num = withHalf(text, num, numStart);
  q = num.end;
  if (text[q] === '-' && (isStreakLength(text, q) || isTypeCompound(text, q))) return q;

  if (isDigit) {
    // "0199": a leading zero before more digits marks a code or phone number, not a quantity
    if (/^0\d/.test(num.text)) return skipToken(text, numStart);
    if (isCodeFragment(text, numStart)) return skipToken(text, numStart);
    if (/^(?:st|nd|rd|th)(?![\p{L}])/iu.test(text.slice(q, q + 3))) return skipToken(text, numStart);
    if (!currency && !signM && (isReference(text, pos) || isChargeNumber(text, pos, num.text))) return skipLabel(text, q);
    if (isDayOfMonth(text, numStart, q, num.value)) return q;
  }

  // scale: "3 million", "3bn", "Rs 500 crore", "1.6 lakh crore", "$1.2-billion"; read by the
  // one number reader, exactly as the search index reads it (shared/text/numbers.ts)
  let scale = 1;
  if (!num.scaled && num.kind !== 'fraction') {
    const s = readScale(text, q, isDigit, { currency: currency !== null });
    if (s) {
      scale = s.scale;
      q = s.end;
    }
  }

  // "400-odd points", "£100m-plus": a hedge joined to the number
  let impliedHedge = spoken?.hedge ?? null;
  const oddPlus = /-(odd|plus)(?![\p{L}])/iuy;
  oddPlus.lastIndex = q;
  const op = oddPlus.exec(text);
  if (op) {
    impliedHedge = op[1]!.toLowerCase();
    q = oddPlus.lastIndex;
  }

  // glued letters that are no unit or scale make a code ("5G", "1990s", "3D")
  let unit: string | null = currency;
  let factor = 1;
  let hyphenUnit = false;
  let ambiguous: Core['ambiguous'] = null;
  let rated = false;
  let ofUnit = false;
  if (num.percent) {
    unit = '%';
    // "half a percentage point", "a quarter of a point": the fraction is of that unit
    const of = /\s+(of\s+)?an?\s+/iy;
    of.lastIndex = q;
    const om = of.exec(text);
    if (om) {
      const u = readUnit(text, of.lastIndex, false);
      if (u && u.unit !== '%' && !TIME_UNITS.has(u.unit)) {
        unit = u.unit;
        factor = u.factor;
        ambiguous = u.pattern.ambiguous ?? null;
        ofUnit = true;
        q = u.end;
      } else if (!om[1]) return q; // "half a day", "half an hour": a duration in words, not a share
    } else {
      // "a quarter point", "a half-point cut": a fraction of a point
      const u = readUnit(text, q, false);
      if (u && (u.unit === 'pp' || u.unit === 'pt')) {
        unit = u.unit;
        factor = u.factor;
        ambiguous = u.pattern.ambiguous ?? null;
        ofUnit = true;
        q = u.end;
      }
    }
  } else {
    let u = readUnit(text, q, currency !== null);
    if (!u && !currency) {
      // "19 straight days", "five consecutive months": an adjective between number and duration
      const adj = /[ \u00A0]+(?:straight|consecutive|successive|full|working|calendar|business)(?=[ \u00A0])/iy;
      adj.lastIndex = q;
      if (adj.exec(text)) {
        const v = readUnit(text, adj.lastIndex, false);
        if (v && TIME_UNITS.has(v.unit)) u = v;
      }
    }
    // "temperatures hit 35c": a glued lower-case c is Celsius, not cents, in weather copy (UK tabloid style)
    if (u?.pattern.glued && u.pattern.ambiguous === 'cents' && TEMPERATURE_NEAR.test(text.slice(Math.max(0, numStart - 60), numStart))) {
      u = { ...u, unit: '°C', factor: 1, pattern: CELSIUS };
    }
    if (u) {
      if (!(currency && isCurrencyUnit(u.unit))) unit = u.unit;
      factor = u.factor;
      hyphenUnit = u.hyphen;
      ambiguous = u.pattern.ambiguous ?? (u.unit === 'USD' && u.factor === 0.01 && u.pattern.word ? 'cents' : null);
      rated = u.pattern.rated === true;
      q = u.end;
    } else if (isDigit && /^\p{L}/u.test(text.slice(q, q + 1)) && q === num.end) {
      return skipToken(text, numStart);
    }
  }
  // roundTiny: 452p is 4.52 GBP, not 4.5200000000000005
  if (unit === '%' && isConfidenceLevel(text, q)) return q;
  let value = roundTiny(ofUnit ? (num.value / 100) * factor : num.value * scale * factor);

  // "3 times the level" is a multiplier; "downloaded 1.2 million times" counts occasions
  if (ambiguous === 'times') {
    if (Number.isInteger(num.value * scale) && OCCASION_AFTER.test(text.slice(q, q + 16))) unit = null;
    ambiguous = null;
  }
  // "one in five", "7 out of 10"
  if (unit === null && scale === 1 && Number.isInteger(num.value) && num.value > 0) {
    const rm = /^\s+(?:in|out\s+of)\s+(?:every\s+)?/iu.exec(text.slice(q, q + 20));
    if (rm) {
      const p2 = q + rm[0].length;
      const den = /\d/.test(text[p2] ?? '') ? readDigits(text, p2) : readWordNumber(text, p2);
      if (den && den.kind !== 'fraction' && den.value > num.value && den.value <= 1000) {
        value = (num.value / den.value) * 100;
        unit = '%';
        q = den.end;
      }
    }
  }
  // a bare "one" is a pronoun more often than a count ("one of the largest")
  if (num.kind === 'words' && num.value === 1 && unit === null && scale === 1 && !num.scaled) return q;
  if (num.kind === 'fraction' && !fractionInContext(text, pos, num.end)) return num.end;
  if (num.kind === 'digits' && unit === null && scale === 1 && isYear(num)) return q;
  if (isDigit && unit === null && scale === 1 && !currency && !signM && isNameNumber(text, pos, q)) return skipLabel(text, q);
  if (isDigit && isEventDistance(text, q, unit)) return q;
  if (isAgeNumber(text, pos, q, unit, num.value)) return ageEnd(text, q);

  const r = rated ? null : (readRate(text, q, unit) ?? (unit === null && !num.percent ? clauseRateAt(text, pos, q) : null));
  return {
    start: pos,
    numStart,
    num,
    value: sign * value,
    scale: scale * factor,
    unit,
    currency: currency !== null,
    sign: signText,
    hyphenUnit,
    ambiguous,
    multiplier: null,
    rate: r?.rate ?? '',
    end: r?.end ?? q,
    nounHint: r?.hint ?? '',
    impliedHedge,
    article: spoken?.article ?? false,
  };
}

/**
 * "delivered 44 737 MAX jets": a space-grouped number whose last group is followed
 * by a model name in capitals is a count and a model number, not 44,737 (a unit in
 * capitals, "12 500 MW", keeps the grouping).
 */
function withoutModelNumber(text: string, num: NumberToken, numStart: number): NumberToken {
  // (a last group starting with 0, "100 000 NHS staff", is a thousands group, never a model)
  if (!/[ \u00A0\u202F\u2009][1-9]\d\d$/.test(num.text) || !/^[ \u00A0]\p{Lu}{2,}(?!\p{Ll})/u.test(text.slice(num.end, num.end + 8))) return num;
  if (readUnit(text, num.end, false) !== null) return num;
  const t = num.text.slice(0, num.text.search(/[ \u00A0\u202F\u2009]\d+$/));
  return { ...num, text: t, value: Number(t.replace(/[, \u00A0\u202F\u2009]/g, '')), end: numStart + t.length };
}

/**
 * A clause-end rate for a bare count ("trucks crossed the border each day"), keeping the span at the
 * number; never after a definite determiner, which names a fixed set ("the 12 members meet each month").
 */
function clauseRateAt(text: string, start: number, q: number): { rate: string; end: number; hint: string } | null {
  if (/(?:^|[^\p{L}])(?:the|these|those|its|their|our|his|her|all|both)\s+$/iu.test(text.slice(Math.max(0, start - 8), start))) return null;
  const rate = clauseRate(text, q);
  return rate ? { rate, end: q, hint: '' } : null;
}

const TEMPERATURE_NEAR = /temperature|heat|degrees|\bhot|warm|cold|chill|\bhighs?\b|\blows?\b|weather|Met Office|forecast|thermometer|scorch|sizzl|swelter/i;
const CELSIUS: UnitPattern = { re: /c/y, unit: '°C', glued: true };

/** "five times a day", "40 times since", "1.2 million times and": occasions, not a multiplier. */
const OCCASION_AFTER =
  /^(?:\s*[,.;:)!?]|\s*$|\s+(?:a|an|per|each|every|in|on|at|since|this|last|so|already|during|before|after|between|from|by|and|or|with|while|when|but|to|for|over|now|until|before|daily|weekly|monthly|yearly|annually)(?![\p{L}]))/iu;

/** "doubled", "halving", "could double", "twice", "threefold": a multiplier; undefined = not one. */
function readMultiplier(text: string, pos: number): Core | number | undefined {
  const m = /(\p{L}+)/uy;
  m.lastIndex = pos;
  const word = m.exec(text)?.[1];
  if (!word) return undefined;
  const entry = MULTIPLIER_WORDS[word.toLowerCase()];
  if (!entry) return undefined;
  const end = pos + word.length;
  const before = text.slice(Math.max(0, pos - 40), pos);
  const after = text.slice(end, end + 24);
  if (entry.form === 'ing') {
    // "the halving" is bitcoin's reward event; "a doubling of output", "doubling its sales" are multipliers
    // ("the April halving", "the 2024 halving", "bitcoin's halving": a named event, one word between)
    if (/(?:^|[^\p{L}])(?:the|this|next|last|latest|upcoming|recent|fourth|fifth)\s+$/iu.test(before) || /^\s+(?:event|cycle|date|block)\b/i.test(after)) return end;
    if (/(?:^|[^\p{L}])(?:(?:the|this|next|last|latest|upcoming|recent)\s+(?:\p{Lu}\p{Ll}+|\d{4}|bitcoin|network)|\p{L}+['’]s)\s+$/u.test(before) && !/^\s+of\b/.test(after)) return end;
    if (!/^\s+(?:of|in|to|by|its|their|the|from|since|over|output|sales|revenue)\b|^[,.;]/i.test(after)) return end;
  }
  if (
    entry.form === 'base' &&
    !/(?:^|[^\p{L}])(?:will|would|could|can|may|might|should|must|to|set to|expected to|likely to|more than|nearly|almost|roughly|about|around|at least|close to|some|well over)(?:\s+\p{L}+ly)?\s+$/iu.test(
      before,
    )
  )
    return end;
  // "twice a day" and "tenfold" alone at a clause end are frequencies or adverbs without a base
  if (word.toLowerCase() === 'twice' && OCCASION_AFTER.test(after)) return end;
  const modal = entry.form === 'base' && /(?:will|would|could|can|may|might|should|must|to)(?:\s+\p{L}+ly)?\s+$/iu.test(before);
  const direction = entry.value < 1 ? 'fall' : 'rise';
  const num: NumberToken = { value: entry.value, end, kind: 'words', text: word, scaled: false, percent: false };
  const form = modal ? 'verb' : entry.form;
  return {
    start: pos,
    numStart: pos,
    num,
    value: entry.value,
    scale: 1,
    unit: 'x',
    currency: false,
    sign: '',
    hyphenUnit: false,
    ambiguous: null,
    multiplier: { form, direction },
    rate: '',
    end,
    nounHint: '',
    impliedHedge: null,
    article: false,
  };
}

/** Skips "34-year-old", "45-year-olds", "50 years old": the whole age phrase. */
function ageEnd(text: string, q: number): number {
  const m = /-olds?|\s+(?:years?\s+)?old|\s+years?\s+of\s+age/iy;
  m.lastIndex = q;
  return m.exec(text) ? m.lastIndex : q;
}

function isYear(num: NumberToken): boolean {
  return /^\d{4}$/.test(num.text) && num.value >= 1800 && num.value <= 2100;
}

export function skipToken(text: string, from: number): number {
  let e = from;
  while (e < text.length && /[\p{L}\p{N}.,:\-/]/u.test(text[e] ?? '')) e++;
  return Math.max(e, from + 1);
}

function isCurrencyUnit(u: string): boolean {
  return /^(?:USD|EUR|GBP|JPY|CNY|HKD|AUD|CAD|CHF|INR|KRW|SGD|NZD|BRL)$/.test(u);
}

/** "half" and "a third" are shares only next to what they are a share of. */
function fractionInContext(text: string, start: number, end: number): boolean {
  // the word before, looking past a hedge ("fallen by roughly a quarter")
  const words = text.slice(Math.max(0, start - 40), start).match(/\p{L}+/gu) ?? [];
  let prev = words.at(-1)?.toLowerCase() ?? '';
  if (/^(?:roughly|about|nearly|almost|around|approximately|some|just|only|than|over|under)$/.test(prev))
    prev = words.at(-2)?.toLowerCase() === 'than' ? (words.at(-3)?.toLowerCase() ?? '') : (words.at(-2)?.toLowerCase() ?? '');
  if (/^(?:first|second|third|last|other|latter|former|the|top|bottom|upper|lower|back|front|this|that|each|every|northern|southern|eastern|western)$/.test(prev)) return false;
  if (/^-?(?:thirds|quarters|fifths|tenths|halves)/i.test(text.slice(start, end).replace(/^\p{L}+/u, ''))) return true;
  const next = /^\s+(\p{L}+)/u.exec(text.slice(end, end + 20))?.[1]?.toLowerCase() ?? '';
  if (/^an?$/.test(next)) return true; // "half a percentage point" (read as a share of the unit)
  return /^(?:of|the|its|their|his|her|our|all|that|those|these|what)$/.test(next) || prev === 'by';
}
