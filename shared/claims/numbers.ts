/**
 * The number reader, where the claim assistant has always imported it from: reading
 * lives in shared/text/numbers.ts, shared with the search tokenizer, so a figure and
 * a search term read the same words as the same value.
 */

export { readDigits, readNumber, readScale, readWordNumber, type NumberToken, type ScaledNumber, type ScaleOptions } from '../text/numbers.ts';
