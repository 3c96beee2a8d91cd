/**
 * Quote integrity before export: a briefing must never print words as a quote that
 * the source no longer contains at that place. A quote fails when its stored text
 * differs from the source text at its TextPositionSelector, when its TextQuoteSelector
 * disagrees with its text, when the source text read from disk no longer hashes to the
 * stored SHA-256 (the file was changed behind the notebook's back), or when anchoring
 * marked it fuzzy or orphaned.
 */
import type { Quote, QuoteId, SourceId, SourceMeta } from '../model/records.ts';

export type ProblemReason = 'source-missing' | 'text-unreadable' | 'hash-mismatch' | 'text-mismatch' | 'selector-mismatch' | 'anchor-fuzzy' | 'anchor-orphaned' | 'anchor-pinned';

export interface Problem {
  quoteId: QuoteId;
  sourceId: SourceId;
  /** The quote's first words, for messages: `“Output at the Kestrel mine…”`. */
  words: string;
  /** The most telling reason (a text mismatch before a changed hash). */
  reason: ProblemReason;
  /** Every reason found, most telling first. */
  reasons: ProblemReason[];
  /** For people: the reasons as phrases joined by "; ". */
  message: string;
}

const MESSAGES: Record<ProblemReason, string> = {
  'source-missing': 'its source is no longer in the notebook',
  'text-unreadable': 'the source text could not be read',
  'hash-mismatch': 'the source text changed since it was imported: its SHA-256 differs',
  'text-mismatch': 'the source text at its position differs from the quoted words',
  'selector-mismatch': 'its quote selector disagrees with its text',
  'anchor-fuzzy': 'it was re-anchored only approximately after the source changed',
  'anchor-orphaned': 'it could not be found in the changed source',
  'anchor-pinned': 'it is pinned to an earlier version of its source, which the briefing does not cite',
};

/** The first few words of a quote, shortened with an ellipsis. */
export function firstWords(text: string, max = 8): string {
  const words = text.trim().split(/\s+/);
  const head = words.slice(0, max).join(' ');
  return words.length > max || head.length > 60 ? `${head.slice(0, 60).trimEnd()}…` : head;
}

/**
 * Checks each quote against its source text. `sha256s` maps a source id to the hash of
 * the text actually read (computed by the caller, who has the crypto); `texts` holds
 * that text. A source whose text is absent from `texts` is reported as unreadable.
 */
export function checkQuotes(
  quotes: Iterable<Quote>,
  sources: ReadonlyMap<SourceId, SourceMeta>,
  texts: ReadonlyMap<SourceId, string>,
  sha256s: ReadonlyMap<SourceId, string>,
  anchorStatus?: ReadonlyMap<QuoteId, string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const q of quotes) {
    const reasons: ProblemReason[] = [];
    const source = sources.get(q.sourceId);
    const text = texts.get(q.sourceId);
    if (!source) reasons.push('source-missing');
    else if (text === undefined) reasons.push('text-unreadable');
    else {
      const [pos, quote] = q.selectors;
      if (text.slice(pos.start, pos.end) !== q.exact) reasons.push('text-mismatch');
      if (quote.exact !== q.exact) reasons.push('selector-mismatch');
      if (sha256s.get(q.sourceId) !== source.sha256) reasons.push('hash-mismatch');
    }
    const status = anchorStatus?.get(q.id);
    if (status === 'fuzzy') reasons.push('anchor-fuzzy');
    if (status === 'orphaned') reasons.push('anchor-orphaned');
    if (status === 'pinned') reasons.push('anchor-pinned');
    // One problem per quote, so the CLI prints one line per quote however many checks failed.
    if (reasons.length > 0) {
      problems.push({
        quoteId: q.id,
        sourceId: q.sourceId,
        words: firstWords(q.exact),
        reason: reasons[0]!,
        reasons,
        message: reasons.map((r) => MESSAGES[r]).join('; '),
      });
    }
  }
  return problems;
}

/** The CLI's one-line description of a problem. */
export function describeProblem(p: Problem): string {
  return `quote ${p.quoteId} “${p.words}” no longer matches its source (${p.message})`;
}
