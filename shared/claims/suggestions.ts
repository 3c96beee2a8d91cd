/**
 * Suggested claims: the figures of a source, each offered as a quote (its sentence)
 * plus a claim with the quantity filled in, and the researcher's decisions on them.
 *
 * Suggestions are derived from the text on demand (detection is deterministic and
 * fast), so only decisions are stored. A decision's key names the source version and
 * the figure's span, `<first 8 hex of sha256>:<start>-<end>`, so a decision about one
 * version never silently applies to different words in another.
 */
import type { Figure } from './figures.ts';
import { detectFigures } from './figures.ts';

export type SuggestionStatus = 'open' | 'accepted' | 'dismissed';

export interface Suggestion {
  /** What the CLI and app use to accept or dismiss it: `<start>-<end>` of the figure in the current text. */
  key: string;
  figure: Figure;
  sentence: { start: number; end: number; text: string };
  status: SuggestionStatus;
}

export const decisionKey = (sha256: string, key: string) => `${sha256.slice(0, 8)}:${key}`;

/** Trims a sentence span to its words: no leading/trailing whitespace in the quote. */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

export function suggestionsFor(text: string, sha256: string, decisions: { accepted: readonly string[]; dismissed: readonly string[] }): Suggestion[] {
  const accepted = new Set(decisions.accepted);
  const dismissed = new Set(decisions.dismissed);
  return detectFigures(text).map((figure) => {
    const key = `${figure.start}-${figure.end}`;
    const span = trimSpan(text, figure.sentenceStart, figure.sentenceEnd);
    const d = decisionKey(sha256, key);
    return { key, figure, sentence: { ...span, text: text.slice(span.start, span.end) }, status: accepted.has(d) ? 'accepted' : dismissed.has(d) ? 'dismissed' : 'open' };
  });
}
