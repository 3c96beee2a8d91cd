/** The Figure type: a quantity found in a text, with where it is (its span and sentence) and what it is about. */

import type { Quantity } from './quantity.ts';

/** Offsets are UTF-16 code units into the text the figure was found in. */
export type Figure = Quantity & { start: number; end: number; sentenceStart: number; sentenceEnd: number; subject: string };
