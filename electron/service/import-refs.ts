/**
 * The contract's `importRefs`: a Zotero export's references matched to the
 * notebook's sources — by DOI, then URL, then title and year — and shown as a plan
 * before anything is written. Applied, a matched source gets the fields it lacks
 * (never overwriting what it has), and an unmatched reference becomes a source stub:
 * a source with its metadata and an empty text, which a later import of the file
 * fills as its first real version (recognised by URL or title, versions.ts). An
 * entry the notebook already holds in full is a duplicate and changes nothing, so
 * importing the same file twice changes nothing.
 */
import type { ApiResults, ParsedArgs, RefPlanEntry } from '../../shared/api/contract.ts';
import { ok } from '../../shared/result.ts';
import type { Result } from '../../shared/result.ts';
import type { SourceMeta } from '../../shared/model/records.ts';
import type { Change, NotebookView, TransitionContext } from '../../shared/model/view.ts';
import { readReferences } from '../import/formats/references.ts';
import type { Reference } from '../import/formats/references.ts';
import { doiIn } from '../import/formats/metadata.ts';
import { fitMetadata } from '../import/fit-metadata.ts';
import type { ImportedText } from '../import/importer.ts';
import { sha256 } from '../storage/store.ts';

export interface ImportRefsDeps {
  view: NotebookView;
  ctx: () => TransitionContext;
  putText(text: string): Promise<unknown>;
  commit(changes: readonly Change[]): Promise<void>;
}

type Fillable = 'authors' | 'publisher' | 'published' | 'url';
type Candidate = Pick<SourceMeta, 'title' | 'authors' | 'publisher' | 'published' | 'url'> & { id: string | null };

const titleKey = (t: string) =>
  t
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const year = (d: string | null) => d?.slice(0, 4) ?? null;
function urlKey(u: string | null): string | null {
  if (!u) return null;
  try {
    const x = new URL(u);
    return `${x.host.replace(/^www\./, '').toLowerCase()}${x.pathname.replace(/\/+$/, '')}${x.search}`;
  } catch {
    return null;
  }
}
const doiOf = (c: { url: string | null; doi?: string | null }) => (c.doi ?? doiIn(c.url))?.toLowerCase() ?? null;

/** How `ref` matches `c`, if it does: the DOI, the address, or the title with a year that does not disagree. */
function matchOf(ref: Reference, c: Candidate): RefPlanEntry['matchedBy'] {
  const d = doiOf(ref);
  if (d && d === doiOf(c)) return 'doi';
  const u = urlKey(ref.url);
  if (u && u === urlKey(c.url)) return 'url';
  const t = titleKey(ref.title);
  if (t && t === titleKey(c.title) && (!ref.published || !c.published || year(ref.published) === year(c.published))) return 'title';
  return null;
}

/** The fields of `c` the reference can fill: only the empty ones. */
function fillsOf(ref: Reference, c: Candidate): Partial<Pick<SourceMeta, Fillable>> {
  const url = ref.url ?? (ref.doi ? `https://doi.org/${ref.doi}` : null);
  const fill: Partial<Pick<SourceMeta, Fillable>> = {};
  if (!c.authors.length && ref.authors.length) fill.authors = ref.authors;
  if (!c.publisher && ref.publisher) fill.publisher = ref.publisher;
  if (!c.published && ref.published) fill.published = ref.published;
  if (!c.url && url) fill.url = url;
  return fill;
}

export async function importRefs(deps: ImportRefsDeps, { fileName, text, apply }: ParsedArgs<'importRefs'>): Promise<Result<ApiResults['importRefs']>> {
  const refs = readReferences(fileName, text);
  const { view } = deps;
  const ctx = deps.ctx();
  const sources: Candidate[] = [...view.sources()].map((s) => ({ ...s }));
  const planned: Candidate[] = [];
  const entries: RefPlanEntry[] = [];
  const changes: Change[] = [];
  const stubIds = new Set<string | null>();
  for (const ref of refs) {
    const entry = { key: ref.key.slice(0, 300), title: ref.title.slice(0, 300) || '(no title)' };
    const inFile = planned.find((c) => matchOf(ref, c));
    if (inFile) {
      entries.push({
        ...entry,
        status: 'duplicate',
        sourceId: apply || !stubIds.has(inFile.id) ? inFile.id : null,
        matchedBy: matchOf(ref, inFile),
        fills: [],
        note: 'the same reference appears earlier in the file',
      });
      continue;
    }
    const source = sources.find((c) => matchOf(ref, c));
    if (source) {
      const fill = fillsOf(ref, source);
      const fields = Object.keys(fill) as Fillable[];
      planned.push(source);
      entries.push({ ...entry, status: fields.length ? 'matched' : 'duplicate', sourceId: source.id, matchedBy: matchOf(ref, source), fills: fields });
      if (fields.length) {
        const record = { ...view.getSource(source.id as SourceMeta['id'])!, ...fitted({ ...source, ...fill }), updatedAt: ctx.now };
        Object.assign(source, fill);
        changes.push({ kind: 'source', op: 'put', record });
      }
      continue;
    }
    if (!ref.title) {
      entries.push({ ...entry, status: 'skipped', sourceId: null, matchedBy: null, fills: [], note: 'the reference has no title and matches no source' });
      continue;
    }
    const stub: SourceMeta = {
      id: ctx.newId('source'),
      ...fitted({ title: ref.title, authors: ref.authors, publisher: ref.publisher, published: ref.published, url: ref.url ?? (ref.doi ? `https://doi.org/${ref.doi}` : null) }),
      accessed: null,
      fileName: null,
      format: 'txt',
      encoding: 'none',
      sha256: sha256(''),
      length: 0,
      importedAt: ctx.now,
      updatedAt: ctx.now,
      versions: [],
      suggestions: { accepted: [], dismissed: [] },
    };
    stubIds.add(stub.id);
    planned.push(stub);
    entries.push({ ...entry, status: 'new', sourceId: apply ? stub.id : null, matchedBy: null, fills: [] });
    changes.push({ kind: 'source', op: 'put', record: stub });
  }
  if (apply && changes.length) {
    if (stubIds.size) await deps.putText('');
    await deps.commit(changes);
  }
  const count = (s: RefPlanEntry['status']) => entries.filter((e) => e.status === s).length;
  return ok({ applied: Boolean(apply) && changes.length > 0, entries, counts: { matched: count('matched'), new: count('new'), duplicate: count('duplicate'), skipped: count('skipped') } });
}

/** A reference's metadata within the notebook's limits (the file is someone else's writing). */
function fitted(m: Pick<SourceMeta, 'title' | 'authors' | 'publisher' | 'published' | 'url'>) {
  return fitMetadata(m, null).meta;
}

/**
 * A source stub's record once a file import fills it (versions.ts recognised the
 * stub by URL or title): the file's format and accessed date, and the details the
 * reference left empty; the reference's own details stay.
 */
export function filledStub(stub: SourceMeta, file: Pick<ImportedText, 'format' | 'accessed' | 'authors' | 'publisher' | 'published' | 'url'>, today: string): SourceMeta {
  return {
    ...stub,
    format: file.format,
    accessed: file.accessed ?? today,
    authors: stub.authors.length ? stub.authors : file.authors,
    publisher: stub.publisher ?? file.publisher,
    published: stub.published ?? file.published,
    url: stub.url ?? file.url,
  };
}
