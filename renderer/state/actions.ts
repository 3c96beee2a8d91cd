/**
 * Everything the user can do, as functions that call the API and update the
 * store. Components call these and render state; the rules (what "make claim"
 * creates, how an edit is undone, which tags a quote ends up with) live here.
 *
 * Every edit pushes an undo command (see undo.ts). Imports and source deletion
 * are NOT undoable: the contract has no way to restore a source's original bytes,
 * so we do not pretend. Undoing a delete re-creates the record under a new id.
 */
import type { ApiArgs, ApiMethod, ApiResults, NotebookApi } from '../../shared/api/contract.ts';
import type { SearchHit } from '../../shared/search/types.ts';
import type { Claim, ClaimRelation, ClaimStatus, EvidenceRelation, HighlightColor, Quote, SourceMeta } from '../../shared/model/records.ts';
import * as client from '../api/client.ts';
import type { MenuAction } from '../api/client.ts';
import { excerpt, parseTagInput } from './derive.ts';
import { store } from './store.ts';
import type { Selected, ThemePref, View } from './store.ts';
import { UndoStack, compound } from './undo.ts';
import type { Command, IdMap } from './undo.ts';

export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const satisfies readonly HighlightColor[];
export const CLAIM_STATUS_LIST = ['unverified', 'supported', 'disputed'] as const satisfies readonly ClaimStatus[];
export const EVIDENCE_RELATION_LIST = ['supports', 'contradicts', 'context'] as const satisfies readonly EvidenceRelation[];
export const CLAIM_RELATION_LIST = ['supports', 'contradicts', 'refines', 'duplicates'] as const satisfies readonly ClaimRelation[];

/** A failed API call, carried as an exception inside actions and shown as a toast at the edge. */
export class ApiFailure extends Error {}

async function must<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResults[M]> {
  const r = await client.call(method, args);
  if (!r.ok) throw new ApiFailure(r.error.message);
  return r.value as ApiResults[M];
}

const undoStack = new UndoStack();
let toastSeq = 0;

export function toast(text: string, kind: 'info' | 'error' = 'info'): void {
  const id = ++toastSeq;
  store.set((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, text }] }));
  setTimeout(() => dismissToast(id), kind === 'error' ? 8000 : 3500);
}

export function dismissToast(id: number): void {
  store.set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

/** Runs an action, turning failures into an error toast so no rejection goes unhandled. */
async function guard<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    toast(e instanceof Error ? e.message : String(e), 'error');
    return undefined;
  } finally {
    store.set({ undo: undoStack.state() });
  }
}

/** Performs a command's first run, records it, and reloads the data. */
async function perform(cmd: Command & { run(ids: IdMap): Promise<void> }): Promise<void> {
  await cmd.run(undoStack.ids);
  undoStack.push(cmd);
  await refresh();
}

// ---------------------------------------------------------------- loading

export async function refresh(): Promise<void> {
  const [sources, quotes, claims, tags, review, conflicts] = await Promise.all([
    must('listSources', {}),
    must('listQuotes', {}),
    must('listClaims', {}),
    must('listTags', {}),
    must('listReview', {}),
    must('listConflicts', {}),
  ]);
  const cur = store.get().source;
  const meta = cur ? sources.find((s) => s.id === cur.id) : undefined;
  // A new version of the open source changes its text, not just its details: fetch it again.
  const source = cur && meta ? (meta.sha256 === cur.sha256 ? { ...cur, ...stripCounts(meta) } : await must('getSource', { id: cur.id as never })) : null;
  store.set({ sources, quotes, claims, tags, review, conflicts, loaded: true, source });
  const sel = store.get().selected;
  if (sel && !exists(sel)) store.set({ selected: null });
}

function stripCounts(m: SourceMeta & { quoteCount?: number; claimCount?: number; reviewCount?: number }): SourceMeta {
  const { quoteCount: _q, claimCount: _c, reviewCount: _r, ...rest } = m;
  return rest;
}

function exists(sel: NonNullable<Selected>): boolean {
  const s = store.get();
  return sel.kind === 'quote' ? s.quotes.some((q) => q.id === sel.id) : s.claims.some((c) => c.claim.id === sel.id);
}

let stopListeners: (() => void)[] = [];

export async function init(): Promise<void> {
  const pref = client.loadThemePreference();
  const scheme = client.watchColorScheme((dark) => {
    store.set({ systemDark: dark });
    applyTheme();
  });
  store.set({ themePref: pref, systemDark: scheme.dark });
  applyTheme();
  stopListeners.forEach((f) => f());
  stopListeners = [
    scheme.stop,
    client.onMenu(handleMenu),
    client.onFileDrop({ over: (active) => store.set({ dropActive: active }), drop: (files) => void importFiles(files) }),
  ];
  await guard(refresh);
  const info = await guard(() => must('getInfo', {}));
  store.set({ loaded: true, welcome: !!info && info.counts.sources === 0 && !client.welcomeDismissed() });
  await restorePlace();
  let last = '';
  stopListeners.push(
    store.subscribe(() => {
      const st = store.get();
      const place = { view: st.view, sourceId: st.source?.id ?? null };
      const key = JSON.stringify(place);
      if (key !== last) client.savePlace(place);
      last = key;
    }),
  );
}

const VIEWS: readonly View[] = ['library', 'reader', 'claims', 'tags', 'search', 'review', 'briefing', 'help'];

async function restorePlace(): Promise<void> {
  const place = client.loadPlace();
  if (!place) return;
  const view = VIEWS.find((v) => v === place.view) ?? 'library';
  if (place.sourceId && store.get().sources.some((s) => s.id === place.sourceId)) {
    await openSource(place.sourceId);
  }
  store.set({ view });
}

export function handleMenu(action: MenuAction): void {
  if (action === 'import') requestImport();
  else if (action === 'export-briefing') setView('briefing');
  else if (action === 'sources-changed') void guard(refresh);
  else if (action === 'open-notebook') toast('To open another notebook, restart with --notebook <folder>.');
}

// ---------------------------------------------------------------- navigation & UI

export function setView(view: View): void {
  store.set({ view });
}

export function select(sel: Selected): void {
  store.set({ selected: sel });
}

export async function openSource(id: string, focusQuote?: string): Promise<void> {
  await guard(async () => {
    const cur = store.get().source;
    const source = cur && cur.id === id ? cur : await must('getSource', { id });
    store.set({ source, view: 'reader', selected: focusQuote ? { kind: 'quote', id: focusQuote } : store.get().selected });
  });
}

/** Jumps to a quote: opens its source in the reader and selects it. */
export async function openQuote(id: string): Promise<void> {
  const q = store.get().quotes.find((x) => x.id === id);
  if (q) await openSource(q.sourceId, id);
}

export function openClaim(id: string): void {
  store.set({ view: 'claims', selected: { kind: 'claim', id } });
}

export function openTag(name: string): void {
  store.set({ view: 'tags', tagFocus: name });
}

export function focusTag(name: string | null): void {
  store.set({ tagFocus: name });
}

export function setSwitcherOpen(open: boolean): void {
  store.set({ switcherOpen: open });
}

export function setPasteOpen(open: boolean): void {
  store.set({ pasteOpen: open });
}

export function requestImport(): void {
  store.set((s) => ({ view: 'library', importRequest: s.importRequest + 1 }));
}

export function setThemePref(themePref: ThemePref): void {
  store.set({ themePref });
  client.saveThemePreference(themePref);
  applyTheme();
}

/**
 * The button flips between light and dark. Until it is first pressed the theme
 * follows prefers-color-scheme; "Follow system theme" in Help returns to that.
 */
export function toggleTheme(): void {
  setThemePref(effectiveTheme() === 'dark' ? 'light' : 'dark');
}

export function effectiveTheme(): 'light' | 'dark' {
  const s = store.get();
  return s.themePref === 'system' ? (s.systemDark ? 'dark' : 'light') : s.themePref;
}

function applyTheme(): void {
  client.applyTheme(effectiveTheme());
}

// ---------------------------------------------------------------- import

/** Reads and uploads files one by one; progress counts both steps of every file. */
export async function importFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const total = files.length * 2;
  let imported = 0;
  store.set({ progress: { label: `Importing ${files.length} file${files.length === 1 ? '' : 's'}…`, done: 0, total }, view: 'library' });
  try {
    for (const [i, file] of files.entries()) {
      store.set({ progress: { label: `Reading ${file.name}…`, done: i * 2, total } });
      try {
        const dataBase64 = await client.readFileBase64(file);
        store.set({ progress: { label: `Uploading ${file.name}…`, done: i * 2 + 1, total } });
        const r = await must('importFile', { fileName: file.name, dataBase64 });
        imported++;
        if (r.duplicate) toast(`${file.name} is already in the notebook.`);
      } catch (e) {
        toast(`${file.name}: ${e instanceof Error ? e.message : String(e)}`, 'error');
      }
      store.set({ progress: { label: `Imported ${imported} of ${files.length}`, done: (i + 1) * 2, total } });
    }
    await guard(refresh);
    if (imported > 0) toast(`Imported ${imported} source${imported === 1 ? '' : 's'}.`);
  } finally {
    store.set({ progress: null });
  }
}

export async function importPastedText(text: string, title: string): Promise<boolean> {
  const r = await guard(async () => {
    const res = await must('importText', { text, ...(title.trim() ? { title: title.trim() } : {}) });
    await refresh();
    toast(res.duplicate ? 'That text is already in the notebook.' : `Imported “${res.source.title}”.`);
    return true;
  });
  return r === true;
}

// ---------------------------------------------------------------- sources

export type SourceEdit = Partial<Pick<SourceMeta, 'title' | 'authors' | 'publisher' | 'published' | 'url' | 'accessed'>>;

/** Only the fields that changed go in the patch, so undo restores exactly those. */
export async function updateSource(id: string, edit: SourceEdit): Promise<boolean> {
  const before = store.get().sources.find((s) => s.id === id);
  if (!before) return false;
  const patch: Record<string, unknown> = {};
  const prev: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(edit) as [keyof SourceEdit, unknown][]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(v)) {
      patch[k] = v;
      prev[k] = before[k];
    }
  }
  if (Object.keys(patch).length === 0) return true;
  const r = await guard(async () => {
    const apply = (p: Record<string, unknown>) => async () => {
      await must('updateSource', { id, patch: p as never });
    };
    await perform({ label: 'edit source details', run: apply(patch), redo: apply(patch), undo: apply(prev) });
    return true;
  });
  return r === true;
}

export async function deleteSource(id: string): Promise<void> {
  await guard(async () => {
    await must('deleteSource', { id });
    if (store.get().source?.id === id) store.set({ source: null, view: 'library' });
    await refresh();
    toast('Source deleted (this cannot be undone).');
  });
}

// ---------------------------------------------------------------- quotes

interface QuoteInput {
  sourceId: string;
  range: { start: number; end: number };
  color?: HighlightColor;
  note?: string;
  tags?: string[];
}

/** A command creating a quote; its id is remapped every time redo re-creates it. */
function createQuoteCommand(input: QuoteInput, label: string): Command & { run(ids: IdMap): Promise<void>; firstId(): string } {
  let original = '';
  const create = async (ids: IdMap) => {
    const q = await must('createQuote', { ...input, sourceId: input.sourceId as never });
    if (original) ids.remap(ids.resolve(original), q.id);
    else original = q.id;
  };
  return {
    label,
    firstId: () => original,
    run: create,
    redo: create,
    undo: async (ids) => {
      await must('deleteQuote', { id: ids.resolve(original) as never });
    },
  };
}

export type SelectionIntent = { kind: 'highlight'; color: HighlightColor } | { kind: 'tag' } | { kind: 'claim' } | { kind: 'note' };

/** The floating toolbar's buttons: every one creates a quote, then does its follow-up. */
export async function quoteSelection(range: { start: number; end: number }, intent: SelectionIntent): Promise<void> {
  const source = store.get().source;
  if (!source) return;
  await guard(async () => {
    const color = intent.kind === 'highlight' ? intent.color : 'yellow';
    const qc = createQuoteCommand({ sourceId: source.id, range, color }, intent.kind === 'claim' ? 'make claim' : 'highlight');
    if (intent.kind !== 'claim') {
      await perform(qc);
      const field = intent.kind === 'tag' ? 'tags' : intent.kind === 'note' ? 'note' : null;
      store.set((s) => ({
        selected: { kind: 'quote', id: qc.firstId() },
        focusRequest: field ? { field, seq: (s.focusRequest?.seq ?? 0) + 1 } : s.focusRequest,
      }));
      return;
    }
    await qc.run(undoStack.ids);
    const exact = source.text.slice(range.start, range.end).replace(/\s+/g, ' ').trim().slice(0, 5000);
    const cc = createClaimCommand(() => ({ statement: exact, evidence: [{ quoteId: qc.firstId(), relation: 'supports' }] }));
    try {
      await cc.run(undoStack.ids);
    } catch (e) {
      // The quote exists even though the claim failed: keep it undoable on its own.
      undoStack.push(qc);
      await refresh();
      throw e;
    }
    undoStack.push(compound('make claim', [qc, cc]));
    await refresh();
    store.set({ selected: { kind: 'claim', id: cc.firstId() } });
  });
}

export type QuotePatch = { color?: HighlightColor; note?: string; tags?: string[] };

export async function updateQuote(id: string, patch: QuotePatch, label = 'edit quote'): Promise<void> {
  const before = store.get().quotes.find((q) => q.id === id);
  if (!before) return;
  const prev: QuotePatch = {};
  if (patch.color !== undefined) prev.color = before.color;
  if (patch.note !== undefined) prev.note = before.note;
  if (patch.tags !== undefined) prev.tags = before.tags;
  await guard(async () => {
    const apply = (p: QuotePatch) => async (ids: IdMap) => {
      await must('updateQuote', { id: ids.resolve(id) as never, patch: p });
    };
    await perform({ label, run: apply(patch), redo: apply(patch), undo: apply(prev) });
  });
}

export async function addQuoteTags(id: string, raw: string): Promise<void> {
  const q = store.get().quotes.find((x) => x.id === id);
  const add = parseTagInput(raw);
  if (!q || add.length === 0) return;
  await updateQuote(id, { tags: [...new Set([...q.tags, ...add])] }, 'tag quote');
}

export async function removeQuoteTag(id: string, tag: string): Promise<void> {
  const q = store.get().quotes.find((x) => x.id === id);
  if (q) await updateQuote(id, { tags: q.tags.filter((t) => t !== tag) }, 'remove tag');
}

export async function deleteQuote(id: string): Promise<void> {
  const s = store.get();
  const q = s.quotes.find((x) => x.id === id);
  if (!q) return;
  const uses = s.claims.flatMap((c) => c.claim.evidence.filter((e) => e.quoteId === id).map((e) => ({ claimId: c.claim.id, relation: e.relation })));
  await guard(async () => {
    const del = async (ids: IdMap) => {
      await must('deleteQuote', { id: ids.resolve(id) as never });
    };
    await perform({
      label: 'delete quote',
      run: del,
      redo: del,
      undo: async (ids) => {
        const r = await must('createQuote', {
          sourceId: q.sourceId,
          range: { start: q.selectors[0].start, end: q.selectors[0].end },
          color: q.color,
          note: q.note,
          tags: q.tags,
        });
        ids.remap(ids.resolve(id), r.id);
        for (const u of uses) await must('linkEvidence', { claimId: ids.resolve(u.claimId) as never, quoteId: r.id, relation: u.relation });
      },
    });
    if (store.get().selected?.id === id) store.set({ selected: null });
  });
}

// ---------------------------------------------------------------- claims

type ClaimInput = Omit<Parameters<NotebookApi['createClaim']>[0], 'evidence'> & { evidence?: { quoteId: string; relation: EvidenceRelation }[] };

function createClaimCommand(input: () => ClaimInput): Command & { run(ids: IdMap): Promise<void>; firstId(): string } {
  let original = '';
  const create = async (ids: IdMap) => {
    const i = input();
    const c = await must('createClaim', { ...i, evidence: i.evidence?.map((e) => ({ quoteId: ids.resolve(e.quoteId) as never, relation: e.relation })) });
    if (original) ids.remap(ids.resolve(original), c.id);
    else original = c.id;
  };
  return {
    label: 'create claim',
    firstId: () => original,
    run: create,
    redo: create,
    undo: async (ids) => {
      await must('deleteClaim', { id: ids.resolve(original) as never });
    },
  };
}

export async function createClaim(statement: string): Promise<string | null> {
  const text = statement.trim();
  if (!text) return null;
  const r = await guard(async () => {
    const cmd = createClaimCommand(() => ({ statement: text }));
    await perform(cmd);
    store.set({ selected: { kind: 'claim', id: cmd.firstId() }, view: 'claims' });
    return cmd.firstId();
  });
  return r ?? null;
}

/** A new claim whose statement is the quote's text and whose evidence is the quote (supports). */
export async function claimFromQuote(quoteId: string): Promise<void> {
  const q = store.get().quotes.find((x) => x.id === quoteId);
  if (!q) return;
  await guard(async () => {
    const cmd = createClaimCommand(() => ({ statement: q.exact.replace(/\s+/g, ' ').trim().slice(0, 5000), evidence: [{ quoteId, relation: 'supports' }] }));
    await perform(cmd);
    store.set({ selected: { kind: 'claim', id: cmd.firstId() } });
  });
}

export type ClaimPatch = { statement?: string; status?: ClaimStatus; tags?: string[]; note?: string };

export async function updateClaim(id: string, patch: ClaimPatch, label = 'edit claim'): Promise<void> {
  const before = store.get().claims.find((c) => c.claim.id === id)?.claim;
  if (!before) return;
  const prev: ClaimPatch = {};
  for (const k of Object.keys(patch) as (keyof ClaimPatch)[]) (prev as Record<string, unknown>)[k] = before[k];
  await guard(async () => {
    const apply = (p: ClaimPatch) => async (ids: IdMap) => {
      await must('updateClaim', { id: ids.resolve(id) as never, patch: p });
    };
    await perform({ label, run: apply(patch), redo: apply(patch), undo: apply(prev) });
  });
}

export async function addClaimTags(id: string, raw: string): Promise<void> {
  const c = store.get().claims.find((x) => x.claim.id === id)?.claim;
  const add = parseTagInput(raw);
  if (!c || add.length === 0) return;
  await updateClaim(id, { tags: [...new Set([...c.tags, ...add])] }, 'tag claim');
}

export async function removeClaimTag(id: string, tag: string): Promise<void> {
  const c = store.get().claims.find((x) => x.claim.id === id)?.claim;
  if (c) await updateClaim(id, { tags: c.tags.filter((t) => t !== tag) }, 'remove tag');
}

export async function deleteClaim(id: string): Promise<void> {
  const detail = store.get().claims.find((c) => c.claim.id === id);
  if (!detail) return;
  const claim: Claim = detail.claim;
  const citedBy = detail.citedBy.map((b) => ({ from: b.claimId as string, relation: b.relation }));
  await guard(async () => {
    const del = async (ids: IdMap) => {
      await must('deleteClaim', { id: ids.resolve(id) as never });
    };
    await perform({
      label: 'delete claim',
      run: del,
      redo: del,
      undo: async (ids) => {
        const r = await must('createClaim', {
          statement: claim.statement,
          quantity: claim.quantity,
          status: claim.status,
          tags: claim.tags,
          note: claim.note,
          evidence: claim.evidence.map((e) => ({ quoteId: ids.resolve(e.quoteId) as never, relation: e.relation })),
        });
        ids.remap(ids.resolve(id), r.id);
        for (const l of claim.links) await must('linkClaims', { from: r.id, to: ids.resolve(l.claimId) as never, relation: l.relation });
        for (const b of citedBy) await must('linkClaims', { from: ids.resolve(b.from) as never, to: r.id, relation: b.relation });
      },
    });
    if (store.get().selected?.id === id) store.set({ selected: null });
  });
}

/** Links a quote as evidence; linking an already-linked quote changes its relation (undo restores the old one). */
export async function linkEvidence(claimId: string, quoteId: string, relation: EvidenceRelation): Promise<void> {
  const before = store.get().claims.find((c) => c.claim.id === claimId)?.claim.evidence.find((e) => e.quoteId === quoteId);
  await guard(async () => {
    const link = (rel: EvidenceRelation) => async (ids: IdMap) => {
      await must('linkEvidence', { claimId: ids.resolve(claimId) as never, quoteId: ids.resolve(quoteId) as never, relation: rel });
    };
    await perform({
      label: before ? 'change evidence relation' : 'link evidence',
      run: link(relation),
      redo: link(relation),
      undo: before
        ? link(before.relation)
        : async (ids) => {
            await must('unlinkEvidence', { claimId: ids.resolve(claimId) as never, quoteId: ids.resolve(quoteId) as never });
          },
    });
  });
}

export async function unlinkEvidence(claimId: string, quoteId: string): Promise<void> {
  const before = store.get().claims.find((c) => c.claim.id === claimId)?.claim.evidence.find((e) => e.quoteId === quoteId);
  if (!before) return;
  await guard(async () => {
    const unlink = async (ids: IdMap) => {
      await must('unlinkEvidence', { claimId: ids.resolve(claimId) as never, quoteId: ids.resolve(quoteId) as never });
    };
    await perform({
      label: 'unlink evidence',
      run: unlink,
      redo: unlink,
      undo: async (ids) => {
        await must('linkEvidence', { claimId: ids.resolve(claimId) as never, quoteId: ids.resolve(quoteId) as never, relation: before.relation });
      },
    });
  });
}

export async function linkClaims(from: string, to: string, relation: ClaimRelation): Promise<void> {
  const before = store.get().claims.find((c) => c.claim.id === from)?.claim.links.find((l) => l.claimId === to);
  await guard(async () => {
    const link = (rel: ClaimRelation) => async (ids: IdMap) => {
      await must('linkClaims', { from: ids.resolve(from) as never, to: ids.resolve(to) as never, relation: rel });
    };
    await perform({
      label: 'link claims',
      run: link(relation),
      redo: link(relation),
      undo: before
        ? link(before.relation)
        : async (ids) => {
            await must('unlinkClaims', { from: ids.resolve(from) as never, to: ids.resolve(to) as never });
          },
    });
  });
}

export async function unlinkClaims(from: string, to: string): Promise<void> {
  const before = store.get().claims.find((c) => c.claim.id === from)?.claim.links.find((l) => l.claimId === to);
  if (!before) return;
  await guard(async () => {
    const unlink = async (ids: IdMap) => {
      await must('unlinkClaims', { from: ids.resolve(from) as never, to: ids.resolve(to) as never });
    };
    await perform({
      label: 'unlink claims',
      run: unlink,
      redo: unlink,
      undo: async (ids) => {
        await must('linkClaims', { from: ids.resolve(from) as never, to: ids.resolve(to) as never, relation: before.relation });
      },
    });
  });
}

// ---------------------------------------------------------------- tags

export async function renameTag(from: string, to: string): Promise<boolean> {
  const target = to.trim();
  if (!target || target === from) return false;
  const r = await guard(async () => {
    let names = { from, to: target };
    await perform({
      label: 'rename tag',
      run: async () => {
        names = await must('renameTag', { from, to: target });
      },
      redo: async () => {
        await must('renameTag', { from: names.from, to: names.to });
      },
      undo: async () => {
        await must('renameTag', { from: names.to, to: names.from });
      },
    });
    return true;
  });
  return r === true;
}

/**
 * A merge is not reversible by another merge (the records that already had the
 * target tag would lose it), so undo restores each affected record's previous
 * tag list and the old tag's color.
 */
export async function mergeTags(from: string, into: string): Promise<boolean> {
  const target = into.trim();
  if (!target || target === from) return false;
  const s = store.get();
  const within = (t: string) => t === from || t.startsWith(from + '/');
  const quotes = s.quotes.filter((q) => q.tags.some(within)).map((q) => ({ id: q.id, tags: q.tags }));
  const claims = s.claims.filter((c) => c.claim.tags.some(within)).map((c) => ({ id: c.claim.id, tags: c.claim.tags }));
  const color = s.tags.find((t) => t.tag.name === from)?.tag.color;
  const r = await guard(async () => {
    const merge = async () => {
      await must('mergeTags', { from, into: target });
    };
    await perform({
      label: 'merge tags',
      run: merge,
      redo: merge,
      undo: async (ids) => {
        for (const q of quotes) await must('updateQuote', { id: ids.resolve(q.id) as never, patch: { tags: q.tags } });
        for (const c of claims) await must('updateClaim', { id: ids.resolve(c.id) as never, patch: { tags: c.tags } });
        if (color) await must('setTagColor', { name: from, color });
      },
    });
    return true;
  });
  return r === true;
}

export async function setTagColor(name: string, color: string): Promise<void> {
  const prev = store.get().tags.find((t) => t.tag.name === name)?.tag.color;
  await guard(async () => {
    const set = (c: string) => async () => {
      await must('setTagColor', { name, color: c });
    };
    await perform({ label: 'change tag color', run: set(color), redo: set(color), undo: prev ? set(prev) : async () => {} });
  });
}

// ---------------------------------------------------------------- undo / redo

export async function undo(): Promise<void> {
  await guard(async () => {
    try {
      const label = await undoStack.undo();
      if (label) toast(`Undid ${label}.`);
    } finally {
      await refresh();
    }
  });
}

export async function redo(): Promise<void> {
  await guard(async () => {
    try {
      const label = await undoStack.redo();
      if (label) toast(`Redid ${label}.`);
    } finally {
      await refresh();
    }
  });
}

/** The quote shown as a claim's evidence, by id (used by the quote picker). */
export function quoteById(id: string): Quote | undefined {
  return store.get().quotes.find((q) => q.id === id);
}

// ---------------------------------------------------------------- first run

/**
 * The welcome screen's choices. Neither is undoable: loading the sample fills
 * the notebook through the service, like an import.
 */
export function startEmpty(): void {
  client.dismissWelcome();
  store.set({ welcome: false, view: 'library' });
}

export async function openSample(): Promise<void> {
  await guard(async () => {
    const r = await must('loadSample', {});
    client.dismissWelcome();
    await refresh();
    store.set({ welcome: false, view: 'library' });
    toast(`Opened the sample: ${r.sources} sources, ${r.quotes} quotes, ${r.claims} claims.`);
  });
}

// ---------------------------------------------------------------- source versions and anchor review

/** Human wording of an import's anchor counts, e.g. "3 exact, 1 fuzzy". */
export function describeAnchorCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  return parts.length ? parts.join(', ') : 'no quotes to re-anchor';
}

/** Imports a file as the next version of a source; quotes re-anchor and the drifted ones wait in Review. */
export async function importNewVersion(sourceId: string, file: File): Promise<void> {
  await guard(async () => {
    const dataBase64 = await client.readFileBase64(file);
    const r = await must('importFile', { fileName: file.name, dataBase64, newVersionOf: sourceId as never });
    await refresh();
    if (r.duplicate) toast(`${file.name} is the same text as the current version.`);
    else if (r.newVersion) toast(`New version of “${r.source.title}”: ${describeAnchorCounts(r.newVersion.counts)}.`);
    else toast(`Imported ${file.name}.`);
  });
}

/**
 * Review decisions are not on the undo stack: the service keeps the decision
 * with the quote's anchor, and the contract has no way to put a drifted anchor
 * back into its undecided state.
 */
export async function reviewQuote(quoteId: string, action: 'accept' | 'pin'): Promise<void> {
  await guard(async () => {
    await must('reviewAnchor', { quoteId: quoteId as never, action });
    await refresh();
    toast(action === 'accept' ? 'Accepted the new text.' : 'Pinned the quote to the version it was made on.');
  });
}

/** "Re-select": opens the source in the Reader, where the next selection becomes the quote's new text. */
export async function startReselect(quoteId: string): Promise<void> {
  const item = store.get().review.find((r) => r.quote.id === quoteId);
  if (!item) return;
  store.set({ reselect: { quoteId, sourceId: item.quote.sourceId, oldText: item.oldText } });
  await openSource(item.quote.sourceId);
}

export function cancelReselect(): void {
  store.set({ reselect: null, view: 'review' });
}

export async function finishReselect(range: { start: number; end: number }): Promise<void> {
  const r = store.get().reselect;
  if (!r) return;
  await guard(async () => {
    await must('reviewAnchor', { quoteId: r.quoteId as never, action: 'reselect', range });
    store.set({ reselect: null, selected: { kind: 'quote', id: r.quoteId } });
    await refresh();
    toast('The quote now points at the text you selected.');
  });
}

/** A quote in the version it was made on (or where it stands now), for "Show original context". */
export async function quoteContext(quoteId: string, version: 'origin' | 'current'): Promise<ApiResults['quoteContext'] | null> {
  return (await guard(() => must('quoteContext', { id: quoteId as never, version }))) ?? null;
}

// ---------------------------------------------------------------- suggestions and conflicts

export async function loadSuggestions(sourceId: string): Promise<ApiResults['listSuggestions']> {
  return (await guard(() => must('listSuggestions', { sourceId: sourceId as never }))) ?? [];
}

/** Accepting creates a quote and a claim citing it; dismissing keeps the figure out of the list for good. */
export async function decideSuggestion(sourceId: string, key: string, action: 'accept' | 'dismiss'): Promise<boolean> {
  const r = await guard(async () => {
    const res = await must('decideSuggestion', { sourceId: sourceId as never, key, action });
    await refresh();
    if (res.claim) {
      store.set({ selected: { kind: 'claim', id: res.claim.id } });
      toast(`Claim added: “${excerpt(res.claim.statement, 80)}”.`);
    }
    return true;
  });
  return r === true;
}

export async function markNotConflict(a: string, b: string): Promise<void> {
  await guard(async () => {
    const mark = (notConflict: boolean) => async (ids: IdMap) => {
      await must('markConflict', { a: ids.resolve(a) as never, b: ids.resolve(b) as never, notConflict });
    };
    await perform({ label: 'mark not a conflict', run: mark(true), redo: mark(true), undo: mark(false) });
  });
}

// ---------------------------------------------------------------- briefing

/** The Markdown preview (or any other format) of a briefing; failures become a toast and null. */
export async function exportBriefing(args: ApiArgs<'exportBriefing'>): Promise<ApiResults['exportBriefing'] | null> {
  return (await guard(() => must('exportBriefing', args))) ?? null;
}

/** Exports in the chosen format and hands the text to the browser (or Electron's save dialog). */
export async function downloadBriefing(args: ApiArgs<'exportBriefing'>): Promise<boolean> {
  const out = await exportBriefing(args);
  if (!out) return false;
  if (out.stopped || out.content === null) {
    toast(`Export stopped: ${out.problems.length} quote${out.problems.length === 1 ? '' : 's'} failed verification.`, 'error');
    return false;
  }
  client.downloadText(out.fileName, out.mimeType, out.content);
  return true;
}

// ---------------------------------------------------------------- search

export type SearchOutcome = { ok: true; hits: SearchHit[]; total: number } | { ok: false; error: string };

/**
 * Runs a search. A malformed query is normal while typing, so its message is
 * returned for the view to show rather than raised as an error toast.
 */
export async function search(query: string, limit = 50): Promise<SearchOutcome> {
  const r = await client.call('search', { query: query.slice(0, 2000), limit });
  if (r.ok) return { ok: true, hits: r.value.hits, total: r.value.total };
  return { ok: false, error: r.error.message.replace(/^search:\s*/, '') };
}

export function setSearchQuery(searchQuery: string): void {
  store.set({ searchQuery });
}

/** Opens the Search view on a query (from the quick switcher's "Show all results"). */
export function openSearch(query: string): void {
  store.set({ searchQuery: query, view: 'search', switcherOpen: false });
}

/** Where a hit leads: its quote or claim (a note leads to what it annotates), its tag, or its source. */
export async function openHit(hit: SearchHit): Promise<void> {
  const ref = hit.refId;
  if (hit.type === 'tag') openTag(ref);
  else if (hit.type === 'claim' || (hit.type === 'note' && ref.startsWith('c_'))) openClaim(ref);
  else if (hit.type === 'quote' || (hit.type === 'note' && ref.startsWith('q_'))) await openQuote(ref);
  else if (hit.sourceId) await openSource(hit.sourceId);
}

/** "Make quote" on a source passage: quotes the first match (undoable like any highlight). */
export async function quoteFromHit(hit: SearchHit): Promise<void> {
  if (hit.type !== 'source' || !hit.sourceId || !hit.match) return;
  const sourceId = hit.sourceId;
  const range = hit.match;
  await guard(async () => {
    const qc = createQuoteCommand({ sourceId, range }, 'quote from search');
    await perform(qc);
    store.set({ selected: { kind: 'quote', id: qc.firstId() } });
    toast('Quote made from the search result.');
  });
}
