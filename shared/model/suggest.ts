/**
 * Accepting and dismissing suggested figures, and finding conflicting figures
 * across claims — the notebook-side rules around shared/claims/.
 */
import { err, ok } from '../api/result.ts';
import type { ConflictCandidate, ConflictPair } from '../claims/conflicts.ts';
import { candidateFromStatement, conflictKey, findConflicts } from '../claims/conflicts.ts';
import type { Suggestion } from '../claims/suggestions.ts';
import { detectFigures } from '../claims/figures.ts';
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

/** Accepts a suggestion: its sentence becomes a quote, and a claim with the figure's quantity cites it. */
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
  const q = createQuote(view, text, { sourceId, range: { start: suggestion.sentence.start, end: suggestion.sentence.end }, tags: options.tags }, ctx);
  if (!q.ok) return q;
  const f = suggestion.figure;
  const statement = (options.statement ?? suggestion.sentence.text).trim().slice(0, STATEMENT_MAX);
  const c = createClaim(view, { statement, quantity: toQuantity(f), subject: f.subject || null, tags: options.tags }, ctx);
  if (!c.ok) return c;
  const quote = q.value.value;
  const claim: Claim = { ...c.value.value, evidence: [{ quoteId: quote.id, relation: 'supports' }] };
  // Both transitions may create the same new tags: keep one put per tag.
  const tagPuts = new Map<string, Change>();
  for (const ch of [...q.value.changes, ...c.value.changes]) if (ch.kind === 'tag' && ch.op === 'put') tagPuts.set(ch.record.name, ch);
  return ok({
    value: { quote, claim },
    changes: [
      ...tagPuts.values(),
      { kind: 'quote', op: 'put', record: quote },
      { kind: 'claim', op: 'put', record: claim },
      { kind: 'source', op: 'put', record: withDecision(source, suggestion.decision, 'accepted', ctx) },
    ],
  });
}

export function dismissSuggestion(view: NotebookView, sourceId: SourceMeta['id'], suggestion: Suggestion, ctx: TransitionContext): Outcome<{ key: string }> {
  const source = view.getSource(sourceId);
  if (!source) return err('not_found', `no source ${sourceId}`);
  if (suggestion.status === 'accepted') return err('conflict', `suggestion ${suggestion.key} was already accepted; delete its claim instead`);
  return ok({ value: { key: suggestion.key }, changes: [{ kind: 'source', op: 'put', record: withDecision(source, suggestion.decision, 'dismissed', ctx) }] });
}

/**
 * The figure a statement is about, when the claim has no stored quantity: a
 * measured one (%, money, units) before a bare count, so "The three largest
 * operators supply nearly 64%" is about 64%, not about three.
 */
function mainFigureRaw(statement: string): string | undefined {
  const figures = detectFigures(statement);
  return (figures.find((f) => f.unit !== 'count') ?? figures[0])?.raw;
}

/** The conflict-detection view of a claim: its stored quantity and subject, else what its statement says. */
export function conflictCandidate(view: NotebookView, claim: Claim): ConflictCandidate {
  const fromText = candidateFromStatement(claim.id, claim.statement, claim.quantity?.raw ?? mainFigureRaw(claim.statement));
  const firstQuote = claim.evidence.map((e) => view.getQuote(e.quoteId)).find((q) => q !== undefined);
  const source = firstQuote ? view.getSource(firstQuote.sourceId) : undefined;
  return {
    id: claim.id,
    statement: claim.statement,
    quantity: claim.quantity ?? fromText.quantity,
    subject: claim.subject ?? fromText.subject ?? null,
    sourceId: source?.id ?? null,
    date: source?.published ?? null,
  };
}

/** Every pair of claims whose figures cannot both hold, minus the pairs the researcher ruled out. */
export function claimConflicts(view: NotebookView): ConflictPair[] {
  const claims = [...view.claims()];
  const dismissed = new Set<string>();
  for (const c of claims) for (const other of c.notConflictingWith) dismissed.add(conflictKey(c.id, other));
  return findConflicts(claims.map((c) => conflictCandidate(view, c)).filter((c) => c.quantity !== null), dismissed);
}
