/**
 * Numbers as people say them, which the digit and word readers of numbers.ts
 * leave alone: "a couple of hundred" (about 200), "one and a half billion",
 * "the best part of a decade" (an article counting one unit after a hedge) and
 * statistics written without a leading zero ("P = .02"). read-core.ts asks here
 * before and after reading the number itself.
 */

import type { NumberToken } from './numbers.ts';

const SCALES: Readonly<Record<string, number>> = { dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const COUPLE = /an?\s+couple\s+of\s+((?:(?:dozen|hundred|thousand|million|billion|trillion)(?:\s+|$))+)/iy;
// singular time units counted by an article: "nearly a decade", "more than an hour"
const ARTICLE_UNIT = /(?:a|an)(?=[ \u00A0]+(?:decade|year|month|week|day|hour|minute)(?![\p{L}]))/iuy;

/** A number said with a vague quantifier, and the hedge that quantifier implies. */
export interface SpokenNumber {
  num: NumberToken;
  /** the hedge the words themselves carry ("a couple of hundred" is about 200) */
  hedge: string | null;
  /** an article standing for one unit ("a decade"): a figure only after a hedge */
  article: boolean;
}

/** "a couple of hundred", "a couple of million", or an article before a time unit ("a decade"), at `pos`. */
export function readSpoken(text: string, pos: number): SpokenNumber | null {
  const c = text.charCodeAt(pos) | 0x20;
  if (c !== 0x61) return null; // both forms start with "a"
  COUPLE.lastIndex = pos;
  const m = COUPLE.exec(text);
  if (m) {
    const words = m[1]!.trim().split(/\s+/);
    const value = words.reduce((v, w) => v * (SCALES[w.toLowerCase()] ?? 1), 2);
    const end = pos + m[0].trimEnd().length;
    return { num: { value, end, kind: 'words', text: text.slice(pos, end), scaled: true, percent: false }, hedge: 'a couple of', article: false };
  }
  ARTICLE_UNIT.lastIndex = pos;
  const a = ARTICLE_UNIT.exec(text);
  if (a) return { num: { value: 1, end: ARTICLE_UNIT.lastIndex, kind: 'words', text: a[0], scaled: false, percent: false }, hedge: null, article: true };
  return null;
}

const AND_A_HALF = /[ \u00A0]+and[ \u00A0]+a[ \u00A0]+half(?![\p{L}])/iuy;

/** "one and a half", "2 and a half": a whole number followed by "and a half" gains the half. */
export function withHalf(text: string, num: NumberToken, numStart: number): NumberToken {
  if (num.kind === 'fraction' || num.scaled || !Number.isInteger(num.value)) return num;
  AND_A_HALF.lastIndex = num.end;
  if (!AND_A_HALF.exec(text)) return num;
  const end = AND_A_HALF.lastIndex;
  return { ...num, value: num.value + 0.5, end, text: text.slice(numStart, end) };
}

/**
 * "P = .02", "(.5%)": digits right after a decimal point that follows a space,
 * "=", a bracket or a comparison sign are a decimal without its leading zero.
 */
export function leadingDot(text: string, numStart: number, num: NumberToken): NumberToken | null {
  if (text[numStart - 1] !== '.' || !/^\d+$/.test(num.text)) return null;
  const before = text[numStart - 2];
  if (before !== undefined && !/[\s=(<>≤≥:]/u.test(before)) return null;
  return { ...num, value: Number(`0.${num.text}`), text: `.${num.text}` };
}
