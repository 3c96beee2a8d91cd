/**
 * The suggested figures of a source (the claim assistant's offers): listing them (a part
 * at a time, shaped in slices), accepting one as a quote and a claim, dismissing one or
 * many. A long text's figures are found in a worker thread (off-thread.ts).
 */
import type { ApiResults, ParsedArgs } from '../../shared/api/contract.ts';
import type { Outcome } from '../../shared/model/actions.ts';
import type { SourceId } from '../../shared/model/records.ts';
import { acceptSuggestion, claimedFigures, dismissSuggestion } from '../../shared/model/suggest.ts';
import type { NotebookView, TransitionContext } from '../../shared/model/view.ts';
import { NotebookError, ok } from '../../shared/result.ts';
import type { Result } from '../../shared/result.ts';
import { suggestionsOf } from './off-thread.ts';
import { slicer } from './slices.ts';

/** What the handlers need from the service: the notebook, its texts, its commit, and its clock and ids. */
export interface SuggestionDeps {
  view: NotebookView;
  getText(sha256: string): Promise<string>;
  run<T>(outcome: Outcome<T>): Promise<Result<T>>;
  ctx(): TransitionContext;
}

/** A source's suggestions, all of them or those in the paragraphs overlapping [from, to) (figures never span a blank line). */
async function suggestionsIn(d: SuggestionDeps, sourceId: SourceId, from?: number, to?: number) {
  const source = d.view.getSource(sourceId);
  if (!source) throw new NotebookError('not_found', `no source ${sourceId}`);
  const text = await d.getText(source.sha256);
  // A long text is read in a worker thread (off-thread.ts): other requests are answered meanwhile.
  if (from === undefined && to === undefined) return { source, text, list: await suggestionsOf(d.view, source, text) };
  const before = from === undefined || from <= 0 ? -1 : text.lastIndexOf('\n\n', Math.min(from, text.length));
  const a = before < 0 ? 0 : before + 2;
  const b = to === undefined || to >= text.length ? text.length : ((i) => (i < 0 ? text.length : i))(text.indexOf('\n\n', Math.max(a, to)));
  const part = (await suggestionsOf(d.view, source, text.slice(a, b), false)).map((s) => {
    const figure = { ...s.figure, start: s.figure.start + a, end: s.figure.end + a, sentenceStart: s.figure.sentenceStart + a, sentenceEnd: s.figure.sentenceEnd + a };
    return { ...s, key: `${figure.start}-${figure.end}`, figure, sentence: { ...s.sentence, start: s.sentence.start + a, end: s.sentence.end + a } };
  });
  // Claimed figures are found against the whole text's offsets.
  const claimed = claimedFigures(d.view, source);
  return { source, text, list: part.map((s) => ({ ...s, claimedBy: claimed(s.figure) })) };
}

export async function listSuggestions(d: SuggestionDeps, { sourceId, includeDecided, from, to }: ParsedArgs<'listSuggestions'>): Promise<Result<ApiResults['listSuggestions']>> {
  const { list } = await suggestionsIn(d, sourceId, from, to);
  // Shaped in slices: a long source has tens of thousands (slices.ts).
  const out: ApiResults['listSuggestions'] = [];
  const pause = slicer();
  for (const s of list) {
    if (!includeDecided && s.status !== 'open') continue;
    const { sentenceStart: _s, sentenceEnd: _e, ...figure } = s.figure;
    out.push({ key: s.key, status: s.status, figure, sentence: s.sentence, claimedBy: s.claimedBy ?? null });
    const p = pause();
    if (p) await p;
  }
  return ok(out);
}

export async function decideSuggestion(d: SuggestionDeps, { sourceId, key, action, statement, tags }: ParsedArgs<'decideSuggestion'>): Promise<Result<ApiResults['decideSuggestion']>> {
  const [start, end] = key.split('-').map(Number) as [number, number];
  const { text, list } = await suggestionsIn(d, sourceId, start, end);
  const suggestion = list.find((s) => s.key === key);
  if (!suggestion) throw new NotebookError('not_found', `no suggested figure ${key} in source ${sourceId}; list them with \`notebook suggest ${sourceId}\``);
  if (action === 'dismiss') {
    const r = await d.run(dismissSuggestion(d.view, sourceId, suggestion, d.ctx()));
    return r.ok ? ok({ key, status: 'dismissed' as const, quote: null, claim: null }) : r;
  }
  const r = await d.run(acceptSuggestion(d.view, sourceId, text, suggestion, { statement, tags }, d.ctx()));
  return r.ok ? ok({ key, status: 'accepted' as const, quote: r.value.quote, claim: r.value.claim }) : r;
}

export async function dismissSuggestions(d: SuggestionDeps, { sourceId, keys }: ParsedArgs<'dismissSuggestions'>): Promise<Result<ApiResults['dismissSuggestions']>> {
  const offsets = keys.flatMap((k) => k.split('-').map(Number));
  const { list } = await suggestionsIn(d, sourceId, Math.min(...offsets), Math.max(...offsets));
  const byKey = new Map(list.map((s) => [s.key, s]));
  const missing = keys.find((k) => !byKey.has(k));
  if (missing) throw new NotebookError('not_found', `no suggested figure ${missing} in source ${sourceId}; list them with \`notebook suggest ${sourceId}\``);
  const open = [...new Set(keys)].map((k) => byKey.get(k)!).filter((s) => s.status === 'open');
  const source = d.view.getSource(sourceId)!;
  const dismissed = [...new Set([...source.suggestions.dismissed, ...open.map((s) => s.decision)])];
  if (dismissed.length > 100_000) throw new NotebookError('invalid_argument', `a source keeps at most 100,000 dismissed figures; this would make ${dismissed.length.toLocaleString('en')}`);
  if (open.length === 0) return ok({ dismissed: 0 });
  const record = { ...source, suggestions: { ...source.suggestions, dismissed }, updatedAt: d.ctx().now };
  return d.run(ok({ value: { dismissed: open.length }, changes: [{ kind: 'source' as const, op: 'put' as const, record }] }));
}
