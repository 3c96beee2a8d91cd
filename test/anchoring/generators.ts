/**
 * fast-check generators for anchoring properties: short texts of words, figures,
 * punctuation, emoji (including multi-code-point ones), letters with combining
 * marks and line breaks, and edits applied to them on grapheme boundaries.
 */
import fc from 'fast-check';
import { snapRange } from '../../shared/text/graphemes.ts';

const WORDS = [
  'ore',
  'copper',
  'tonnes',
  'rose',
  'fell',
  'the',
  'mine',
  'port',
  'said',
  'analysts',
  'about',
  'roughly',
  'may',
  'could',
  'million',
  'output',
  'shares',
  'grid',
  'wind',
  'cargo',
  'freight',
  'barley',
  'café',
  'Zoë',
  'naïve',
  'Saint-Émile',
  'q\u0301uota',
  'xa\u0308\u0301',
  'estimated',
  'provisional',
  'up',
  'down',
];
const EMOJI = ['🚢', '👍🏽', '🇫🇷', '👨‍👩‍👧', '⚡️', '🤞'];
const PUNCT = [',', '.', ';', ' —', ':', '?'];

const number = fc.oneof(
  fc.integer({ min: 0, max: 99_999 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => `${a}.${b}%`),
);

const token = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...WORDS) }, { weight: 3, arbitrary: number }, { weight: 1, arbitrary: fc.constantFrom(...EMOJI) });

const separator = fc.oneof(
  { weight: 12, arbitrary: fc.constant(' ') },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCT).map((p) => `${p} `) },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n', '. ') },
);

/** A run of tokens and separators; never starts with a combining mark or a space. */
export function passage(minTokens: number, maxTokens: number): fc.Arbitrary<string> {
  return fc.array(fc.tuple(token, separator), { minLength: minTokens, maxLength: maxTokens }).map((parts) =>
    parts
      .map(([t, s]) => t + s)
      .join('')
      .trimEnd(),
  );
}

export const text = passage(20, 90);

const SENTENCE_WORDS = [
  'lithium',
  'tanker',
  'quarterly',
  'dividend',
  'smelter',
  'charter',
  'drought',
  'turbine',
  'refinery',
  'guidance',
  'tariff',
  'pipeline',
  'harvest',
  'Bérénice',
  'expected',
  'likely',
  'narrowly',
  'despite',
];

/** A distinctive sentence (its words are not in the filler vocabulary), as a quote would be. */
export const sentence = fc.uniqueArray(fc.constantFrom(...SENTENCE_WORDS), { minLength: 6, maxLength: 12 }).map((words) => `${words.join(' ')}.`);

/** A range inside `t` (as fractions, turned into offsets by `rangeIn`). */
export const rangeFractions = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 60 })).map(([at, length]) => ({ at, length }));

export function rangeIn(t: string, r: { at: number; length: number }): { start: number; end: number } {
  const start = Math.min(t.length - 1, Math.floor(r.at * t.length));
  return { start, end: Math.min(t.length, start + r.length) };
}

/** A grapheme-safe offset in [from, to] at the given fraction. */
export function offsetIn(t: string, from: number, to: number, fraction: number): number {
  const raw = from + Math.floor(fraction * (to - from));
  const snapped = snapRange(t, raw, raw).start;
  return Math.max(from, Math.min(to, snapped));
}

export type Edit = { kind: 'insert'; at: number; words: string } | { kind: 'delete'; at: number; length: number } | { kind: 'whitespace'; at: number } | { kind: 'punctuation'; at: number };

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), words: passage(1, 8) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('whitespace' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('punctuation' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

/**
 * Applies `e` within t[from, to), on grapheme boundaries. Returns the new text and
 * the change in length, which callers use to keep track of a protected region.
 */
export function applyEdit(t: string, e: Edit, from: number, to: number): { text: string; delta: number } {
  if (to <= from && e.kind !== 'insert') return { text: t, delta: 0 };
  const at = offsetIn(t, from, to, e.at);
  switch (e.kind) {
    case 'insert': {
      const piece = ` ${e.words} `;
      return { text: t.slice(0, at) + piece + t.slice(at), delta: piece.length };
    }
    case 'delete': {
      const end = snapRange(t, Math.min(to, at + e.length), Math.min(to, at + e.length)).start;
      if (end <= at) return { text: t, delta: 0 };
      return { text: t.slice(0, at) + t.slice(end), delta: at - end };
    }
    case 'whitespace': {
      const i = t.indexOf(' ', at);
      if (i === -1 || i >= to) return { text: t, delta: 0 };
      return { text: t.slice(0, i) + '\n  ' + t.slice(i + 1), delta: 2 };
    }
    case 'punctuation': {
      const i = t.indexOf(' ', at);
      if (i === -1 || i >= to) return { text: t, delta: 0 };
      return { text: t.slice(0, i) + ', ' + t.slice(i + 1), delta: 1 };
    }
  }
}
