/**
 * Suggested claims: the figures of a source, each offered as a quote (its sentence)
 * plus a claim with the quantity filled in, and the researcher's decisions on them.
 *
 * Suggestions are derived from the text on demand (detection is deterministic and
 * fast), so only decisions are stored. A decision is keyed by what the figure says,
 * not where it stands: a hash of its sentence plus the figure's words. So a figure
 * dismissed in one version stays dismissed in the next when its sentence is
 * unchanged, even if an editor's note moved it, and a decision never applies to a
 * sentence whose words changed.
 */
import type { Figure } from './figures.ts';
import { detectFigures } from './figures.ts';

export type SuggestionStatus = 'open' | 'accepted' | 'dismissed';

export interface Suggestion {
  /** What the CLI and app use to accept or dismiss it: `<start>-<end>` of the figure in the current text. */
  key: string;
  /** What the researcher's decision is stored under (see above). */
  decision: string;
  figure: Figure;
  sentence: { start: number; end: number; text: string };
  status: SuggestionStatus;
  /** A claim that already states this figure through a quote holding it, if any. */
  claimedBy?: string | null;
}

/** FNV-1a, 32 bits: a short, stable fingerprint of a sentence (not a security hash). */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export const decisionKey = (sentence: string, raw: string, nth: number) => `${fingerprint(sentence)}:${nth}:${raw}`.slice(0, 100);

/** Trims a sentence span to its words: no leading/trailing whitespace in the quote. */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** `published`: the source's date, against which "in April" or "last year" are read. */
export function suggestionsFor(text: string, decisions: { accepted: readonly string[]; dismissed: readonly string[] }, published?: string | null): Suggestion[] {
  const accepted = new Set(decisions.accepted);
  const dismissed = new Set(decisions.dismissed);
  const seen = new Map<string, number>();
  return detectFigures(text, { published }).map((figure) => {
    const key = `${figure.start}-${figure.end}`;
    const span = trimSpan(text, figure.sentenceStart, figure.sentenceEnd);
    const sentence = text.slice(span.start, span.end);
    // The same figure twice in one sentence ("5% … then 5% again") needs two keys.
    const base = `${sentence}\u0000${figure.raw}`;
    const nth = seen.get(base) ?? 0;
    seen.set(base, nth + 1);
    const decision = decisionKey(sentence, figure.raw, nth);
    return { key, decision, figure, sentence: { ...span, text: sentence }, status: accepted.has(decision) ? 'accepted' : dismissed.has(decision) ? 'dismissed' : 'open' };
  });
}
