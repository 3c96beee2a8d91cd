/**
 * Whether a passage of a new version is an unchanged line or sentence of the old
 * version, and whose it is.
 *
 * Context cannot always tell a deleted quote from a near-identical sentence that
 * remains: when one of two templated lines ("We expect the company to confirm its
 * full-year guidance.") is cut, the survivor's 32 characters of context agree with
 * the deleted one's about as well as with its own. The old version settles it: a
 * line or sentence of the new text that is, verbatim, a line or sentence found
 * exactly once in the old text is that old passage, kept. If that passage is not
 * where the quote was, the candidate belongs to another passage and the quote is
 * not there. Built lazily, once per pair of versions (see reanchorAll).
 */

export interface Span {
  start: number;
  end: number;
}

/** Sentence ends: . ! ? or … followed by optional closing quotes/brackets, then whitespace. */
function isTerminator(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d || c === 0xbb;
}
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0xa0;
}

/** The line (between line breaks) around [start, end), or null when the range crosses one. */
export function lineAround(text: string, start: number, end: number): Span | null {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const next = text.indexOf('\n', from);
  const to = next === -1 ? text.length : next;
  return end <= to ? { start: from, end: to } : null;
}

/**
 * Sentences of `text` within [from, to): ends after a terminator (and closers)
 * that is followed by whitespace, or at a line break. Leading spaces are skipped.
 */
export function sentencesIn(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  const push = (end: number): void => {
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    if (end > start) out.push({ start, end });
  };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      push(i);
      start = i + 1;
    } else if (isTerminator(c)) {
      let j = i + 1;
      while (j < to && isCloser(text.charCodeAt(j))) j++;
      if (j === to || isSpace(text.charCodeAt(j))) {
        push(j);
        start = j;
        i = j - 1;
      }
    }
  }
  push(to);
  return out;
}

/** The sentence around [start, end), or null when the range crosses a sentence end. */
export function sentenceAround(text: string, start: number, end: number): Span | null {
  const line = lineAround(text, start, end);
  if (!line) return null;
  for (const s of sentencesIn(text, line.start, line.end)) if (s.start <= start && end <= s.end) return s;
  return null;
}

/** [start, end) widened to whole sentences: from the start of the sentence holding `start` to the end of the one holding `end`. */
export function widenToSentences(text: string, start: number, end: number): Span {
  const first = lineAround(text, start, start);
  const last = lineAround(text, Math.max(start, end - 1), Math.max(start, end - 1));
  let from = start;
  let to = end;
  if (first) for (const s of sentencesIn(text, first.start, first.end)) if (s.start <= start && start < s.end) from = s.start;
  if (last) for (const s of sentencesIn(text, last.start, last.end)) if (s.start < end && end <= s.end) to = s.end;
  return { start: Math.min(from, start), end: Math.max(to, end) };
}

/** 'many' when the unit occurs more than once. */
type Where = Span | 'many';

export class PreviousVersion {
  readonly text: string;
  private units: Map<string, Where> | null = null;

  constructor(text: string) {
    this.text = text;
  }

  /** Every line and every sentence of the old text, by its exact text. */
  private get index(): Map<string, Where> {
    if (this.units) return this.units;
    const units = new Map<string, Where>();
    const add = (s: Span): void => {
      const key = this.text.slice(s.start, s.end);
      const seen = units.get(key);
      if (seen === undefined) units.set(key, s);
      else if (seen !== 'many' && (seen.start !== s.start || seen.end !== s.end)) units.set(key, 'many');
    };
    let from = 0;
    while (from <= this.text.length) {
      const next = this.text.indexOf('\n', from);
      const to = next === -1 ? this.text.length : next;
      if (to > from) {
        add({ start: from, end: to });
        for (const s of sentencesIn(this.text, from, to)) add(s);
      }
      from = to + 1;
    }
    this.units = units;
    return units;
  }

  /**
   * Whose passage [start, end) of `text` (the new version) is: 'quote' when its
   * enclosing line or sentence is, verbatim, the old line or sentence that held
   * the quote at `quote`; 'other' when it is another one; null when neither can
   * be told (the unit was edited, or repeats in the old text). The line is asked
   * first: it is the larger, so the less ambiguous, unit.
   */
  owner(text: string, start: number, end: number, quote: Span): 'quote' | 'other' | null {
    for (const unit of [lineAround(text, start, end), sentenceAround(text, start, end)]) {
      if (!unit) continue;
      const where = this.index.get(text.slice(unit.start, unit.end));
      if (where === undefined || where === 'many') continue;
      return where.start < quote.end && quote.start < where.end ? 'quote' : 'other';
    }
    return null;
  }
}
