/**
 * Names an edit in the user's words for the undo history ("delete quote “…”",
 * "rename tag energy → power", "accept suggested figure almost 70%"). What the
 * edit overwrites (a deleted quote's words) is read before the call; what it
 * creates (a new quote's words) from its result.
 */
import type { ApiMethod, ApiResults, ParsedArgs } from '../../shared/api/contract.ts';
import type { Result } from '../../shared/result.ts';
import type { ClaimId, QuoteId, SourceId } from '../../shared/model/records.ts';
import type { NotebookView, TrashView } from '../../shared/model/view.ts';

/** What a labeller may read before the call: the notebook (with its trash) and a source's current text. */
export interface LabelContext {
  view: TrashView;
  sourceText(id: SourceId): Promise<string>;
}
type Namer<M extends ApiMethod> = (result: ApiResults[M] | null) => string;
type Labeller<M extends ApiMethod> = (args: ParsedArgs<M>, view: TrashView, ctx: LabelContext) => Namer<M> | Promise<Namer<M>>;

const quoteText = (view: NotebookView, id: QuoteId) => quoted(view.getQuote(id)?.exact ?? 'a quote');
const claimText = (view: NotebookView, id: ClaimId) => quoted(view.getClaim(id)?.statement ?? 'a claim');
const sourceTitle = (view: NotebookView, id: SourceId) => quoted(view.getSource(id)?.title ?? 'a source', 60);
const fixed = (label: string) => () => label;

const LABELS: { [M in ApiMethod]?: Labeller<M> } = {
  importFile: (args, view) => (r) => {
    if (r?.newVersion || args.newVersionOf) return `new version of ${sourceTitle(view, (r?.newVersion?.of ?? args.newVersionOf) as SourceId)}`;
    return `import of ${r ? quoted(r.source.title, 60) : args.fileName}`;
  },
  importFiles:
    ({ files }) =>
    (r) => {
      const done = r ? r.files.filter((f) => f.status === 'imported' || f.status === 'new-version') : files;
      const one = r && done.length === 1 ? (done[0] as Extract<(typeof r.files)[number], { source: unknown }>) : null;
      if (one) return `${one.newVersion ? 'new version of' : 'import of'} ${quoted(one.source.title, 60)}`;
      return `import of ${count(done.length, 'file')}`;
    },
  importText: (args, view) => (r) => (r?.newVersion ? `new version of ${sourceTitle(view, r.newVersion.of as SourceId)}` : `import of ${quoted(r?.source.title ?? args.title ?? 'pasted text', 60)}`),
  importRefs: ({ fileName }) => fixed(`import of references from ${fileName.split(/[\\/]/).pop()}`),
  updateSource: ({ id }, view) => fixed(`edit details of ${sourceTitle(view, id)}`),
  deleteSource: ({ id }, view) => {
    const label = `delete source ${sourceTitle(view, id)}`;
    const n = view.quotesOf(id).length;
    return fixed(n ? `${label} and its ${count(n, 'quote')}` : label);
  },
  restoreSource: ({ id }, view) => fixed(`restore of ${quoted(view.getTrashed(id)?.source.title ?? 'a source', 60)} from the trash`),
  emptyTrash: ({ ids }, view) => {
    const entries = ids ? ids.map((id) => view.getTrashed(id)).filter((e) => e !== undefined) : [...view.trashed()];
    return fixed(entries.length === 1 ? `removal of ${quoted(entries[0]!.source.title, 60)} from the trash` : `emptying the trash (${count(entries.length, 'source')})`);
  },
  createQuote: () => (q) => `quote ${quoted(q?.exact ?? 'a passage')}`,
  updateQuote: ({ id, patch }, view) => {
    const q = quoteText(view, id);
    const keys = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
    if (keys.length === 1 && patch.tags) return fixed(`change tags of quote ${q}`);
    if (keys.length === 1 && patch.color) return fixed(`color quote ${q} ${patch.color}`);
    if (keys.length === 1 && patch.note !== undefined) return fixed(`edit note of quote ${q}`);
    return fixed(`edit quote ${q}`);
  },
  deleteQuote: ({ id }, view) => fixed(`delete quote ${quoteText(view, id)}`),
  renameTag:
    ({ from, to }) =>
    (r) =>
      `rename tag ${r?.from ?? from} → ${r?.to ?? to}`,
  mergeTags:
    ({ from, into }) =>
    (r) =>
      `merge tag ${r?.from ?? from} into ${r?.to ?? into}`,
  setTagColor: ({ name, color }) => fixed(`color tag ${name} ${color}`),
  createClaim: ({ statement }) => fixed(`create claim ${quoted(statement)}`),
  updateClaim: ({ id, patch }, view) => {
    const c = claimText(view, id);
    const keys = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
    if (keys.length === 1 && patch.status) return fixed(`mark claim ${c} ${patch.status}`);
    if (keys.length === 1 && patch.tags) return fixed(`change tags of claim ${c}`);
    if (keys.length === 1 && patch.quantityText !== undefined) return fixed(patch.quantityText.trim() ? `set figure of claim ${c} to ${patch.quantityText.trim()}` : `clear figure of claim ${c}`);
    return fixed(`edit claim ${c}`);
  },
  deleteClaim: ({ id }, view) => fixed(`delete claim ${claimText(view, id)}`),
  linkEvidence: ({ claimId, quoteId, relation }, view) => fixed(`link quote ${quoteText(view, quoteId)} to claim ${claimText(view, claimId)} (${relation})`),
  unlinkEvidence: ({ claimId, quoteId }, view) => fixed(`unlink quote ${quoteText(view, quoteId)} from claim ${claimText(view, claimId)}`),
  linkClaims: ({ from, to, relation }, view) => fixed(`link claim ${claimText(view, from)} ${relation} ${claimText(view, to)}`),
  unlinkClaims: ({ from, to }, view) => fixed(`unlink claim ${claimText(view, from)} from ${claimText(view, to)}`),
  reviewAnchor: ({ quoteId, action }, view) => {
    const q = quoteText(view, quoteId);
    return fixed(action === 'accept' ? `accept the new text of quote ${q}` : action === 'pin' ? `pin quote ${q} to its original version` : `re-select quote ${q}`);
  },
  decideSuggestion: async ({ sourceId, action, key }, _view, ctx) => {
    // The key is the figure's offsets in the source's text ("120-131").
    const [start, end] = key.split('-').map(Number);
    const figure = await ctx.sourceText(sourceId).then(
      (t) => t.slice(start, end).replace(/\s+/g, ' ').trim(),
      () => '',
    );
    return (r) => `${action} suggested figure ${r?.claim?.quantity?.raw ?? (figure || key)}`;
  },
  dismissSuggestions:
    ({ sourceId, keys }, view) =>
    (r) => {
      const n = r?.dismissed ?? keys.length;
      return `dismiss ${n} suggested figure${n === 1 ? '' : 's'} of “${view.getSource(sourceId)?.title ?? sourceId}”`;
    },
  markConflict: ({ a, b, notConflict }, view) => fixed(`mark ${claimText(view, a)} and ${claimText(view, b)} as ${notConflict ? 'not a conflict' : 'a conflict again'}`),
  loadSample: () => fixed('loading the sample notebook'),
};

/** The labeller of one call: read what it needs now, name the edit from its outcome later. */
export async function describeEdit<M extends ApiMethod>(method: M, args: ParsedArgs<M>, ctx: LabelContext): Promise<(outcome: Result<ApiResults[M]> | null) => string> {
  const labeller = LABELS[method] as Labeller<M> | undefined;
  const name: Namer<M> = labeller ? await labeller(args, ctx.view, ctx) : fixed(method);
  return (outcome) => name(outcome?.ok ? outcome.value : null);
}

/** A short excerpt of a quote or statement for a label: “first words…”. */
export function quoted(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? t.slice(0, max - 1).trimEnd() + '…' : t}”`;
}

/** "1 quote", "3 quotes". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
