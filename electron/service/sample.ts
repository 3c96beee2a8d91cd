/**
 * The sample notebook: a few short invented articles, already highlighted, tagged
 * and claimed (with one conflicting figure), so a first-time researcher sees every
 * feature in place. The content lives in assets/sample/sample.json; this loader
 * builds it through the public API, so the sample passes exactly the validation any
 * notebook does.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { dispatch } from '../../shared/api/dispatch.ts';
import type { ApiArgs, ApiMethod, ApiResults, NotebookHandlers } from '../../shared/api/contract.ts';
import { NotebookError } from '../../shared/result.ts';
import { candidateFromStatement } from '../../shared/claims/conflicts.ts';
import { CLAIM_RELATIONS, CLAIM_STATUSES, EVIDENCE_RELATIONS, HIGHLIGHT_COLORS } from '../../shared/model/records.ts';

// @vite-ignore keeps the relative URL in the bundle (otherwise Vite inlines the JSON as a data: URL, which readFile refuses).
export const SAMPLE_FILE = new URL(/* @vite-ignore */ '../../assets/sample/sample.json', import.meta.url);

const SampleSchema = z.strictObject({
  sources: z.array(
    z.strictObject({
      fileName: z.string(),
      text: z.string().min(1),
      meta: z.strictObject({ title: z.string().optional(), authors: z.array(z.string()).optional(), publisher: z.string().optional(), published: z.string().optional(), url: z.string().optional() }),
      quotes: z.array(z.strictObject({ key: z.string(), exact: z.string(), tags: z.array(z.string()).optional(), color: z.enum(HIGHLIGHT_COLORS).optional(), note: z.string().optional() })),
    }),
  ),
  claims: z.array(
    z.strictObject({
      key: z.string(),
      statement: z.string(),
      tags: z.array(z.string()).optional(),
      status: z.enum(CLAIM_STATUSES).optional(),
      note: z.string().optional(),
      evidence: z.array(z.strictObject({ quote: z.string(), relation: z.enum(EVIDENCE_RELATIONS) })),
    }),
  ),
  links: z.array(z.strictObject({ from: z.string(), to: z.string(), relation: z.enum(CLAIM_RELATIONS) })),
});
export type SampleSpec = z.infer<typeof SampleSchema>;

export async function readSampleSpec(file: URL = SAMPLE_FILE): Promise<SampleSpec> {
  return SampleSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

export async function loadSampleNotebook(handlers: NotebookHandlers, file: URL = SAMPLE_FILE): Promise<ApiResults['loadSample']> {
  const spec = await readSampleSpec(file);
  const call = async <M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResults[M]> => {
    const r = await dispatch(handlers, method, args);
    if (!r.ok) throw new NotebookError(r.error.code, `sample notebook: ${r.error.message}`);
    return r.value;
  };
  const quoteIds = new Map<string, string>();
  const claimIds = new Map<string, string>();
  for (const s of spec.sources) {
    const { source } = await call('importFile', { fileName: s.fileName, dataBase64: Buffer.from(s.text, 'utf8').toString('base64') });
    await call('updateSource', { id: source.id, patch: s.meta });
    for (const q of s.quotes) {
      const quote = await call('createQuote', { sourceId: source.id, exact: q.exact, tags: q.tags, color: q.color, note: q.note });
      quoteIds.set(q.key, quote.id);
    }
  }
  const ref = (map: Map<string, string>, key: string, kind: string) => {
    const id = map.get(key);
    if (!id) throw new NotebookError('internal', `sample notebook: unknown ${kind} "${key}"`);
    return id;
  };
  for (const c of spec.claims) {
    const figure = candidateFromStatement('sample', c.statement);
    const claim = await call('createClaim', {
      statement: c.statement,
      quantity: figure.quantity,
      subject: figure.subject ?? null,
      tags: c.tags,
      status: c.status,
      note: c.note,
      evidence: c.evidence.map((e) => ({ quoteId: ref(quoteIds, e.quote, 'quote'), relation: e.relation })),
    });
    claimIds.set(c.key, claim.id);
  }
  for (const l of spec.links) await call('linkClaims', { from: ref(claimIds, l.from, 'claim'), to: ref(claimIds, l.to, 'claim'), relation: l.relation });
  return { sources: spec.sources.length, quotes: quoteIds.size, claims: claimIds.size };
}
