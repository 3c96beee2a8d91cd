/**
 * Writing the notebook out and reading annotations back in: the briefing in every format
 * and style (electron/export), the user's CSL styles kept in the notebook, and W3C /
 * Hypothesis annotations anchored as quotes.
 */
import { EXPORT_FILES } from '../../shared/api/contract.ts';
import type { ApiResults, ParsedArgs } from '../../shared/api/contract.ts';
import type { ConflictState } from '../../shared/api/listings.ts';
import { AnnotationFormatError, parseAnnotations, planAnnotations } from '../../shared/export/annotation-import.ts';
import { describeProblem } from '../../shared/export/integrity.ts';
import type { ClaimId } from '../../shared/model/records.ts';
import type { NotebookView } from '../../shared/model/view.ts';
import { NotebookError, ok } from '../../shared/result.ts';
import type { Result } from '../../shared/result.ts';
import type { BuiltInStyle } from '../export/citations.ts';
import { exportNotebook, ExportScopeError } from '../export/index.ts';
import { addUserStyle, listUserStyles, loadUserStyle, USER_STYLE_PREFIX } from '../export/user-styles.ts';
import { suggestFileName } from '../export/write.ts';
import { sha256 } from '../storage/store.ts';
import type { NotebookStore } from '../storage/store.ts';

/** What the handlers need from the service: the notebook, its store, today's date and the claim judgement. */
export interface ExportDeps {
  view: NotebookView;
  store: NotebookStore;
  today(): string;
  judgement(): Promise<ConflictState>;
}

export async function exportBriefing(
  d: ExportDeps,
  { format, style, locale, tags, claimIds, includeUnverified, quoteNotes, provenance, title }: ParsedArgs<'exportBriefing'>,
): Promise<Result<ApiResults['exportBriefing']>> {
  let result: Awaited<ReturnType<typeof exportNotebook>>;
  try {
    result = await exportNotebook({
      locale,
      view: d.view,
      // What is on disk right now, bypassing the verified cache: tampering must show.
      getText: async (id) => d.store.readTextUnchecked(d.view.getSource(id)!.sha256),
      sha256,
      format,
      style: style?.startsWith(USER_STYLE_PREFIX) ? loadUserStyle(d.store.root, style) : ((style ?? 'apa') as BuiltInStyle),
      tags,
      claimIds,
      includeUnverified: includeUnverified ?? false,
      quoteNotes,
      provenance,
      title,
      date: d.today(),
      conflicts: (await d.judgement()).pairs.map((p) => ({ a: p.a as ClaimId, b: p.b as ClaimId, reason: p.reason, relation: p.relation, older: p.older as ClaimId | undefined })),
    });
  } catch (e) {
    if (e instanceof ExportScopeError) throw new NotebookError('not_found', e.message);
    throw e;
  }
  const problems = result.problems.map((p) => ({ quoteId: p.quoteId, message: describeProblem(p) }));
  const { extension: ext, mimeType, base64 } = EXPORT_FILES[format];
  return ok({
    stopped: !result.ok,
    content: result.ok ? result.content : null,
    problems,
    fileName: suggestFileName(title || 'briefing', ext),
    mimeType,
    ...(base64 ? { encoding: 'base64' as const } : {}),
  });
}

export async function addCitationStyle(d: ExportDeps, { xml, fileName }: ParsedArgs<'addCitationStyle'>): Promise<Result<ApiResults['addCitationStyle']>> {
  if (!d.store.writable) throw new NotebookError('locked', `the notebook at ${d.store.root} is open in another process; close it there to add a style`);
  return ok(addUserStyle(d.store.root, xml, fileName));
}

export async function listCitationStyles(d: ExportDeps): Promise<Result<ApiResults['listCitationStyles']>> {
  return ok(listUserStyles(d.store.root));
}

export async function importAnnotations(
  d: ExportDeps,
  { json }: ParsedArgs<'importAnnotations'>,
  createQuote: (args: ParsedArgs<'createQuote'>) => Promise<Result<ApiResults['createQuote']>>,
): Promise<Result<ApiResults['importAnnotations']>> {
  let parsed: ReturnType<typeof parseAnnotations>;
  try {
    parsed = parseAnnotations(json);
  } catch (e) {
    if (e instanceof AnnotationFormatError) throw new NotebookError('invalid_argument', e.message);
    throw e;
  }
  const sources = [...d.view.sources()];
  const texts = new Map<string, string>();
  for (const s of sources) texts.set(s.id, await d.store.getText(s.sha256));
  const results: ApiResults['importAnnotations']['results'] = [];
  for (const p of planAnnotations(parsed, sources, (id) => texts.get(id) ?? '')) {
    if (p.status !== 'anchored') {
      results.push({ index: p.index, status: p.status, quoteId: null, sourceId: null, message: p.message });
      continue;
    }
    const same = [...d.view.quotes()].find((q) => q.sourceId === p.sourceId && q.selectors[0].start === p.start && q.selectors[0].end === p.end);
    if (same) {
      results.push({ index: p.index, status: 'duplicate', quoteId: same.id, sourceId: p.sourceId, message: `annotation ${p.index + 1}: already quote ${same.id}` });
      continue;
    }
    const r = await createQuote({ sourceId: p.sourceId, range: { start: p.start, end: p.end }, ...(p.note ? { note: p.note } : {}), ...(p.tags.length ? { tags: p.tags } : {}) });
    if (!r.ok) throw new NotebookError(r.error.code, r.error.message);
    results.push({ index: p.index, status: 'imported', quoteId: r.value.id, sourceId: p.sourceId, message: '' });
  }
  return ok({ imported: results.filter((r) => r.status === 'imported').length, results });
}
