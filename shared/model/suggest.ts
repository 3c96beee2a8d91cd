/**
 * Accepting and dismissing suggested figures, and finding conflicting figures
 * across claims — the notebook-side rules around shared/claims/.
 */
import { err, ok } from '../result.ts';
import type { ConflictCandidate } from '../claims/conflicts.ts';
import { candidateFromStatement } from '../claims/conflicts.ts';
import { suggestionsFor, type Suggestion } from '../claims/suggestions.ts';
import { mainFigure } from './claim-figure.ts';
import { toQuantity } from '../claims/quantity.ts';
import { createClaim, createQuote } from './actions.ts';
import type { Outcome } from './actions.ts';
import type { Claim, Quote, SourceMeta } from './records.ts';
import type { Change, NotebookView, TransitionContext } from './view.ts';

const STATEMENT_MAX = 400;

function withDecision(source: SourceMeta, k: string, decision: 'accepted' | 'dismissed', ctx: TransitionContext): SourceMeta {
  const other = decision === 'accepted' ? 'dismissed' : 'accepted';
  return {
    ...source,
    suggestions: { ...source.suggestions, [decision]: [...new Set([...source.suggestions[decision], k])], [other]: source.suggestions[other].filter((x) => x !== k) },
    updatedAt: ctx.now,
  } as SourceMeta;
}

/** The quote of this source that already holds the figure (its sentence, or the shortest covering it), if any. */
function quoteHolding(view: NotebookView, source: SourceMeta, suggestion: Suggestion): Quote | undefined {
  const { start, end } = suggestion.figure;
  let best: Quote | undefined;
  for (const q of view.quotesOf(source.id)) {
    if (q.anchor.sha256 !== source.sha256 || q.anchor.status === 'orphaned') continue;
    const r = q.selectors[0];
    if (r.start > start || r.end < end) continue;
    const len = r.end - r.start;
    if (!best || (r.start === suggestion.sentence.start && r.end === suggestion.sentence.end) || len < best.selectors[0].end - best.selectors[0].start) best = q;
  }
  return best;
}

/** A claim citing `quote` that states this figure, or states none yet. */
function claimCiting(view: NotebookView, quote: Quote, raw: string): Claim | undefined {
  const citing = [...view.claims()].filter((c) => c.evidence.some((e) => e.quoteId === quote.id));
  return citing.find((c) => c.quantity?.raw === raw) ?? citing.find((c) => c.quantity === null);
}

/**
 * "China — global hash rate: almost 70%": what an accepted figure says, short
 * enough to rewrite. Only when the subject names who or what it is about
 * ("entity — metric", or a named thing: "China's share of global hash rate");
 * a subject without either ("own figures: almost 9%") says less than the
 * sentence, so the sentence is kept then.
 */
export function conciseStatement(figure: Suggestion['figure'], sentence: string): string {
  const raw = figure.raw.replace(/\s+/g, ' ').trim();
  return figure.subject.includes(' — ') || /^\p{Lu}/u.test(figure.subject) ? `${figure.subject}: ${raw}` : sentence;
}

/**
 * Accepts a suggestion: its sentence becomes a quote, and a claim with the figure's
 * quantity cites it. When the sentence is already quoted (or a quote holds the
 * figure), that quote is used; when a claim already cites it with this figure or
 * with none, that claim gets the figure: accepting never makes duplicates.
 */
export function acceptSuggestion(
  view: NotebookView,
  sourceId: SourceMeta['id'],
  text: string,
  suggestion: Suggestion,
  options: { statement?: string; tags?: string[] },
  ctx: TransitionContext,
): Outcome<{ quote: Quote; claim: Claim }> {
  const source = view.getSource(sourceId);
  if (!source) return err('not_found', `no source ${sourceId}`);
  if (suggestion.status === 'accepted') return err('conflict', `suggestion ${suggestion.key} was already accepted`);
  const f = suggestion.figure;
  const quantity = toQuantity(f);
  const changes: Change[] = [];
  let quote = quoteHolding(view, source, suggestion);
  if (!quote) {
    const q = createQuote(view, text, { sourceId, range: { start: suggestion.sentence.start, end: suggestion.sentence.end }, tags: options.tags }, ctx);
    if (!q.ok) return q;
    quote = q.value.value;
    changes.push(...q.value.changes);
  }
  let claim = claimCiting(view, quote, f.raw);
  if (claim) {
    if (claim.quantity === null) {
      claim = { ...claim, quantity, subject: claim.subject ?? (f.subject || null), updatedAt: ctx.now };
      changes.push({ kind: 'claim', op: 'put', record: claim });
    }
  } else {
    const statement = (options.statement ?? conciseStatement(f, suggestion.sentence.text)).trim().slice(0, STATEMENT_MAX);
    const c = createClaim(view, { statement, quantity, subject: f.subject || null, tags: options.tags, evidence: [] }, ctx);
    if (!c.ok) return c;
    claim = { ...c.value.value, evidence: [{ quoteId: quote.id, relation: 'supports' }] };
    changes.push(...c.value.changes.filter((ch) => ch.kind !== 'claim'), { kind: 'claim', op: 'put', record: claim });
  }
  // Both transitions may create the same new tags: keep one put per tag.
  const tagPuts = new Map<string, Change>();
  for (const ch of changes) if (ch.kind === 'tag' && ch.op === 'put') tagPuts.set(ch.record.name, ch);
  return ok({
    value: { quote, claim },
    changes: [...tagPuts.values(), ...changes.filter((ch) => ch.kind !== 'tag'), { kind: 'source', op: 'put', record: withDecision(source, suggestion.decision, 'accepted', ctx) }],
  });
}

/**
 * Figures of a source that a claim already states through a quote holding them:
 * they count as accepted however the claim was made (typed, from a highlight, or
 * from a suggestion in an earlier version), so they are not offered again.
 */
export function claimedFigures(view: NotebookView, source: SourceMeta): (figure: { start: number; end: number; raw: string }) => string | null {
  const spans: Array<{ start: number; end: number; raw: string; claimId: string }> = [];
  const quotes = new Map(
    view
      .quotesOf(source.id)
      .filter((q) => q.anchor.sha256 === source.sha256 && q.anchor.status !== 'orphaned')
      .map((q) => [q.id as string, q]),
  );
  if (quotes.size === 0) return () => null;
  for (const c of view.claims()) {
    if (!c.quantity) continue;
    for (const e of c.evidence) {
      const q = quotes.get(e.quoteId);
      if (q) spans.push({ start: q.selectors[0].start, end: q.selectors[0].end, raw: c.quantity.raw, claimId: c.id });
    }
  }
  return (f) => spans.find((s) => s.start <= f.start && f.end <= s.end && s.raw === f.raw)?.claimId ?? null;
}

/**
 * A source's suggestions with their stored status, each saying which claim already
 * states it (`claimedBy`): such a figure is still offered, and accepting it only
 * confirms that claim (see acceptSuggestion), so nothing is duplicated.
 */
export function sourceSuggestions(view: NotebookView, source: SourceMeta, text: string): Suggestion[] {
  const claimed = claimedFigures(view, source);
  return suggestionsFor(text, source.suggestions, source.published).map((s) => ({ ...s, claimedBy: claimed(s.figure) }));
}

export function dismissSuggestion(view: NotebookView, sourceId: SourceMeta['id'], suggestion: Suggestion, ctx: TransitionContext): Outcome<{ key: string }> {
  const source = view.getSource(sourceId);
  if (!source) return err('not_found', `no source ${sourceId}`);
  if (suggestion.status === 'accepted') return err('conflict', `suggestion ${suggestion.key} was already accepted; delete its claim instead`);
  return ok({ value: { key: suggestion.key }, changes: [{ kind: 'source', op: 'put', record: withDecision(source, suggestion.decision, 'dismissed', ctx) }] });
}

/** The conflict-detection view of a claim: its stored quantity and subject, else what its statement says; its source's dates. */
export function conflictCandidate(view: NotebookView, claim: Claim): ConflictCandidate {
  const firstQuote = claim.evidence.map((e) => view.getQuote(e.quoteId)).find((q) => q !== undefined);
  const source = firstQuote ? view.getSource(firstQuote.sourceId) : undefined;
  const published = source?.published ?? null;
  // reading the statement runs the figure detector: only when the claim lacks what it would give
  const fromText =
    claim.quantity && claim.subject ? { quantity: null, subject: null } : candidateFromStatement(claim.id, claim.statement, claim.quantity?.raw ?? mainFigure(claim.statement)?.raw, published);
  return {
    id: claim.id,
    statement: claim.statement,
    quantity: claim.quantity ?? fromText.quantity,
    subject: claim.subject ?? fromText.subject ?? null,
    sourceId: source?.id ?? null,
    published,
    // the latest the figure's writer can have written it: when its source was added, else when the researcher wrote the claim
    addedAt: source?.importedAt ?? claim.createdAt,
  };
}
