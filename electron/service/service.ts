/**
 * The one implementation of the notebook contract (shared/api/contract.ts). Every
 * adapter — Electron IPC, the browser-mode HTTP bridge, the CLI — calls these
 * handlers through `dispatch`, which has already validated the arguments. Business
 * rules are in shared/model/actions.ts; this class reads from and commits to the
 * store, supplies ids and clocks, and shapes results.
 */
import { randomBytes } from 'node:crypto';
import { NotebookError, ok } from '../../shared/result.ts';
import type { Result } from '../../shared/result.ts';
import { API_METHODS, READ_METHODS } from '../../shared/api/contract.ts';
import type { ApiMethod, ApiResults, NotebookHandlers, ParsedArgs } from '../../shared/api/contract.ts';
import * as actions from '../../shared/model/actions.ts';
import type { Outcome } from '../../shared/model/actions.ts';
import { makeId } from '../../shared/model/ids.ts';
import { currentSince, needsReview, SCHEMA_VERSION } from '../../shared/model/records.ts';
import type { SourceId, SourceMeta } from '../../shared/model/records.ts';
import { addSourceVersion, recogniseVersionOf, reviewAnchor } from '../../shared/model/versions.ts';
import * as suggestions from './suggestions.ts';
import * as exporting from './export-calls.ts';
import { ConflictTracker } from './conflicts.ts';
import { claimDetail, claimOrder, claimRelations, quoteOrder, relationItems, reviewItem } from '../../shared/api/listings.ts';
import { describeEdit } from './edit-labels.ts';
import { EditHistory, HISTORY_LIMIT, recordEveryWrite } from './history.ts';
import type { CallNamer } from './history.ts';
import { loadSampleNotebook } from './sample.ts';
import { NotebookSearch } from './search.ts';
import * as trash from './trash.ts';
import { isTagWithin, normalizeTagName } from '../../shared/model/tags.ts';
import type { Change, TransitionContext } from '../../shared/model/view.ts';
import type { JudgementState, NotebookEvent } from '../../shared/api/events.ts';
import { readPastedText } from '../import/importer.ts';
import { textBeginning } from '../../shared/text/beginning.ts';
import type { ImportedText } from '../import/importer.ts';
import { importEach } from './import-files.ts';
import { ImportReads } from './import-reads.ts';
import { filledStub, importRefs } from './import-refs.ts';
import { sha256 } from '../storage/store.ts';
import type { NotebookStore } from '../storage/store.ts';

type Handler<M extends keyof ApiResults> = (args: ParsedArgs<M>) => Promise<Result<ApiResults[M]>>;

export class NotebookService implements NotebookHandlers {
  constructor(
    readonly store: NotebookStore,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.searchIndex = new NotebookSearch(store.memory, (sha) => store.getText(sha), store.searchPersistence);
    this.judgement = new ConflictTracker(store.memory);
    // One call of a write method is one undo step, named before it runs (what it deletes is gone afterwards).
    recordEveryWrite(
      this,
      this.history,
      (method, args) => describeEdit(method, args as never, { view: this.view, sourceText: async (id) => this.store.getText(this.view.getSource(id)!.sha256) }) as ReturnType<CallNamer>,
    );
    // Outside the history's wrapper, so an event carries the history as the whole call left it.
    this.publishAfterEveryWrite();
  }

  /** The undo history of this service's notebook: every edit, whoever made it (see history.ts). */
  private readonly history = new EditHistory(HISTORY_LIMIT, () => this.clock().getTime());

  private ctx(): TransitionContext {
    return { now: this.clock().toISOString(), newId: ((kind: 'source' | 'quote' | 'claim') => makeId(kind, randomBytes(10))) as TransitionContext['newId'] };
  }

  /** Runs a transition and commits its changes; expected failures come back as values. */
  private async run<T>(outcome: Outcome<T>): Promise<Result<T>> {
    if (!outcome.ok) return outcome;
    await this.commit(outcome.value.changes);
    return ok(outcome.value.value);
  }

  /** Every edit goes through here: written, and recorded with its exact inverse for undo. */
  private async commit(changes: readonly Change[]): Promise<void> {
    const backward = this.store.inverseOf(changes);
    await this.write(changes);
    this.history.record('edit', changes, backward);
  }

  /** Every write (edits, undo and redo) goes through here, so derived state (conflicts, the search index) follows each change. */
  private async write(changes: readonly Change[]): Promise<void> {
    const judged = this.affectsJudgement(changes);
    await this.store.commit(changes);
    this.unpublished.push(...changes);
    if (judged) this.judgement.invalidate();
    await this.searchIndex.apply(changes);
  }

  /**
   * Whether a write can change the claim assistant's judgement: claims and sources
   * (their dates and titles) can, and so can a quote some claim cites; a new or
   * edited quote nobody cites cannot, so a highlight never re-judges the notebook.
   */
  private affectsJudgement(changes: readonly Change[]): boolean {
    return changes.some((c) => (c.kind === 'quote' ? this.view.claimsCiting(c.op === 'put' ? c.record.id : c.id).length > 0 : c.kind !== 'tag'));
  }

  // ---------- pushed changes ----------

  /**
   * The notebook's revision: how many calls that wrote this service has answered.
   * One call is one event, however many commits it made (loading the sample makes
   * dozens), sent when the call ends so it carries the history as the call left it.
   */
  private revision = 0;
  private unpublished: Change[] = [];
  private depth = 0;

  /** Wraps every write method (and undo, redo) so that the outermost call publishes what it wrote when it ends. */
  private publishAfterEveryWrite(): void {
    const methods = this as unknown as Record<ApiMethod, (args: unknown) => Promise<Result<unknown>>>;
    for (const method of API_METHODS) {
      if (READ_METHODS.has(method)) continue;
      const handler = methods[method];
      methods[method] = async (args) => {
        this.depth++;
        try {
          return await handler(args);
        } finally {
          if (--this.depth === 0) this.publish();
        }
      };
    }
  }
  private readonly listeners = new Set<(e: NotebookEvent) => void>();

  get rev(): number {
    return this.revision;
  }

  /** Subscribes to every committed write and every new judgement (see shared/api/events.ts); returns the unsubscribe. */
  onEvent(listener: (e: NotebookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: NotebookEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // One broken listener (a closed window) must not stop the others or the write.
      }
    }
  }

  /** Tells every listener what a call committed, then (when it changed the judgement) the new judgement once it is ready. */
  private publish(): void {
    if (this.unpublished.length === 0) return;
    const changes = this.unpublished;
    this.unpublished = [];
    const rev = ++this.revision;
    if (this.listeners.size === 0) return;
    this.emit({ type: 'changes', rev, changes, history: this.history.state() });
    if (this.judgement.current) return;
    void this.judgementNow().then(
      (judgement) => {
        if (rev === this.revision) this.emit({ type: 'judgement', rev, judgement });
      },
      () => {},
    );
  }

  private async judgementNow(): Promise<JudgementState> {
    const state = await this.judgement.get();
    return { pairs: state.pairs, conflicts: relationItems(this.view, state, (r) => r === 'conflict'), figureChanges: relationItems(this.view, state, (r) => r !== 'conflict') };
  }

  getSnapshot: Handler<'getSnapshot'> = async () => {
    const judgement = await this.judgementNow();
    // Taken after the await, in one synchronous stretch: the records and `rev` belong to the same revision.
    return ok({
      rev: this.revision,
      sources: [...this.view.sources()],
      quotes: [...this.view.quotes()],
      claims: [...this.view.claims()],
      tags: [...this.view.tags()],
      trash: [...this.view.trashed()],
      history: this.history.state(),
      judgement,
    });
  };

  private readonly searchIndex: NotebookSearch;

  /** Conflicts, changes over time and superseded figures: judged once per change of the notebook, not per listing. */
  private readonly judgement: ConflictTracker;

  private get view() {
    return this.store.memory;
  }

  // ---------- undo and redo ----------

  /** Reverses the notebook's last edit as one commit (one log entry): the exact records it overwrote come back. */
  undo: Handler<'undo'> = async () => this.step('undo');
  /** Re-applies the last undone edit, the same records it wrote the first time. */
  redo: Handler<'redo'> = async () => this.step('redo');

  private async step(which: 'undo' | 'redo'): Promise<Result<ApiResults['undo']>> {
    const entry = which === 'undo' ? this.history.peekUndo() : this.history.peekRedo();
    if (entry) {
      await this.write(which === 'undo' ? entry.backward : entry.forward);
      if (which === 'undo') this.history.markUndone();
      else this.history.markRedone();
    }
    return ok({ label: entry?.label ?? null, history: this.history.state() });
  }

  historyState: Handler<'historyState'> = async () => ok(this.history.state());

  getInfo: Handler<'getInfo'> = async () =>
    ok({ path: this.store.root, schemaVersion: SCHEMA_VERSION, counts: this.view.counts, ...(this.store.recovery.length ? { recovery: [...this.store.recovery] } : {}) });

  // ---------- sources ----------

  private async addImported(imported: ImportedText, newVersionOf?: SourceId): Promise<Result<ApiResults['importFile']>> {
    const hash = sha256(imported.text);
    if (newVersionOf && !this.view.getSource(newVersionOf)) throw new NotebookError('not_found', `no source ${newVersionOf}`);
    for (const s of this.view.sources()) if (s.sha256 === hash) return ok({ source: s, duplicate: true, newVersion: null });
    // The same text is in the Trash: bring that source back (its quotes and links with it) rather than a bare copy that would block its restore.
    const trashed = newVersionOf ? undefined : [...this.view.trashed()].find((e) => e.source.sha256 === hash);
    if (trashed) {
      const r = await trash.restoreSource(this.trashDeps(), trashed.source.id);
      return r.ok ? ok({ source: r.value.source, duplicate: false, newVersion: null, restoredFromTrash: r.value }) : r;
    }
    const previous = newVersionOf ? this.view.getSource(newVersionOf)! : recogniseVersionOf(this.view, { ...imported, sha256: hash });
    const ctx = this.ctx();
    if (previous) {
      const currentText = await this.store.getText(previous.sha256);
      await this.store.putText(imported.text);
      const r = await this.run(
        addSourceVersion(
          this.view,
          previous.id,
          currentText,
          imported.text,
          { sha256: hash, length: imported.text.length, fileName: imported.fileName, encoding: imported.encoding, ...(imported.pages ? { pages: imported.pages } : {}) },
          ctx,
        ),
      );
      if (!r.ok) return r;
      let { source } = r.value;
      // A source stub (a reference imported before its file, import-refs.ts) takes the file's format, accessed date and the details it lacks.
      if (previous.length === 0) {
        source = filledStub(source, imported, ctx.now.slice(0, 10));
        await this.commit([{ kind: 'source', op: 'put', record: source }]);
      }
      return ok({
        source,
        duplicate: false,
        newVersion: { of: previous.id, previousSha256: previous.sha256, counts: r.value.report.counts, review: r.value.report.review },
        ...(imported.notes.length ? { notes: imported.notes } : {}),
      });
    }
    await this.store.putText(imported.text);
    const source: SourceMeta = {
      id: ctx.newId('source'),
      title: imported.title.slice(0, 1000),
      authors: imported.authors,
      publisher: imported.publisher,
      published: imported.published,
      url: imported.url,
      accessed: imported.accessed ?? ctx.now.slice(0, 10),
      fileName: imported.fileName,
      format: imported.format,
      encoding: imported.encoding,
      sha256: hash,
      length: imported.text.length,
      importedAt: ctx.now,
      updatedAt: ctx.now,
      versions: [],
      suggestions: { accepted: [], dismissed: [] },
      ...(imported.pages ? { pages: imported.pages } : {}),
    };
    await this.commit([{ kind: 'source', op: 'put', record: source }]);
    return ok({ source, duplicate: false, newVersion: null, ...(imported.notes.length ? { notes: imported.notes } : {}) });
  }

  /** Files of import calls read as the calls arrive, before their turn among the writes (import-reads.ts). */
  readonly importReads = new ImportReads();

  /** Work a call needs done before it joins the queue (electron/server/queued-dispatch.ts). */
  prepare(method: string, args: unknown): { ready: Promise<void>; done: () => void } | null {
    return this.importReads.start(method, args);
  }

  importFile: Handler<'importFile'> = async ({ fileName, dataBase64, newVersionOf }) => this.addImported(await this.importReads.take(fileName, dataBase64), newVersionOf);

  importFiles: Handler<'importFiles'> = async ({ files }) =>
    ok(
      await importEach(
        this.view,
        files,
        (text, newVersionOf) => this.addImported(text, newVersionOf),
        (fileName, dataBase64) => this.importReads.take(fileName, dataBase64),
      ),
    );

  importText: Handler<'importText'> = async ({ text, title }) => this.addImported(readPastedText(text, title));

  importRefs: Handler<'importRefs'> = async (args) => importRefs({ view: this.view, ctx: () => this.ctx(), putText: (t) => this.store.putText(t), commit: (c) => this.commit(c) }, args);

  listSources: Handler<'listSources'> = async () => ok(this.store.sourceSummaries());

  getSource: Handler<'getSource'> = async ({ id, textChars }) => {
    const meta = this.view.getSource(id);
    if (!meta) throw new NotebookError('not_found', `no source ${id}`);
    const text = await this.store.getText(meta.sha256);
    return ok({ ...meta, text: textChars === undefined ? text : textBeginning(text, textChars), textLength: text.length });
  };

  getSourceText: Handler<'getSourceText'> = async ({ id, sha256, from }) => {
    const meta = this.view.getSource(id);
    if (!meta) throw new NotebookError('not_found', `no source ${id}`);
    if (meta.sha256 !== sha256) throw new NotebookError('conflict', `source ${id} has a new version since its text was asked for; open it again`);
    return ok({ text: (await this.store.getText(sha256)).slice(from) });
  };

  updateSource: Handler<'updateSource'> = async ({ id, patch }) => this.run(actions.updateSourceMeta(this.view, id, patch, this.ctx()));

  deleteSource: Handler<'deleteSource'> = async ({ id }) => {
    const r = await this.run(actions.deleteSource(this.view, id, this.ctx()));
    return r.ok ? ok({ deleted: id, ...r.value }) : r;
  };

  // ---------- trash (electron/service/trash.ts) ----------

  listTrash: Handler<'listTrash'> = async () => trash.listTrash(this.trashDeps());
  restoreSource: Handler<'restoreSource'> = async ({ id }) => trash.restoreSource(this.trashDeps(), id);
  emptyTrash: Handler<'emptyTrash'> = async ({ ids }) => trash.emptyTrash(this.trashDeps(), ids);
  private trashDeps = (): trash.TrashDeps => ({ view: this.view, run: (o) => this.run(o), ctx: () => this.ctx() });

  // ---------- quotes ----------

  createQuote: Handler<'createQuote'> = async (args) => {
    const meta = this.view.getSource(args.sourceId);
    if (!meta) throw new NotebookError('not_found', `no source ${args.sourceId}`);
    const text = await this.store.getText(meta.sha256);
    return this.run(actions.createQuote(this.view, text, args, this.ctx()));
  };

  updateQuote: Handler<'updateQuote'> = async ({ id, patch }) => this.run(actions.updateQuote(this.view, id, patch, this.ctx()));

  deleteQuote: Handler<'deleteQuote'> = async ({ id }) => {
    const r = await this.run(actions.deleteQuote(this.view, id, this.ctx()));
    return r.ok ? ok({ deleted: id, claimsUpdated: r.value.claimsUpdated }) : r;
  };

  listQuotes: Handler<'listQuotes'> = async ({ sourceId, tag }) => {
    if (sourceId && !this.view.getSource(sourceId)) throw new NotebookError('not_found', `no source ${sourceId}`);
    const wanted = tag === undefined ? null : tagFilter(tag);
    const quotes = sourceId ? [...this.view.quotesOf(sourceId)] : [...this.view.quotes()];
    return ok(quotes.filter((q) => !wanted || q.tags.some(wanted)).sort(quoteOrder));
  };

  // ---------- tags ----------

  listTags: Handler<'listTags'> = async () => ok(actions.tagUsage(this.view));
  renameTag: Handler<'renameTag'> = async ({ from, to }) => this.run(actions.renameTag(this.view, from, to, this.ctx()));
  mergeTags: Handler<'mergeTags'> = async ({ from, into }) => this.run(actions.mergeTags(this.view, from, into, this.ctx()));
  setTagColor: Handler<'setTagColor'> = async ({ name, color }) => this.run(actions.setTagColor(this.view, name, color, this.ctx()));

  // ---------- claims ----------

  createClaim: Handler<'createClaim'> = async (args) => this.run(actions.createClaim(this.view, args, this.ctx()));
  updateClaim: Handler<'updateClaim'> = async ({ id, patch }) => this.run(actions.updateClaim(this.view, id, patch, this.ctx()));
  deleteClaim: Handler<'deleteClaim'> = async ({ id }) => {
    const r = await this.run(actions.deleteClaim(this.view, id, this.ctx()));
    return r.ok ? ok({ deleted: id, claimsUpdated: r.value.claimsUpdated }) : r;
  };
  linkEvidence: Handler<'linkEvidence'> = async ({ claimId, quoteId, relation }) => this.run(actions.linkEvidence(this.view, claimId, quoteId, relation, this.ctx()));
  unlinkEvidence: Handler<'unlinkEvidence'> = async ({ claimId, quoteId }) => this.run(actions.unlinkEvidence(this.view, claimId, quoteId, this.ctx()));
  linkClaims: Handler<'linkClaims'> = async ({ from, to, relation }) => this.run(actions.linkClaims(this.view, from, to, relation, this.ctx()));
  unlinkClaims: Handler<'unlinkClaims'> = async ({ from, to }) => this.run(actions.unlinkClaims(this.view, from, to, this.ctx()));

  getClaim: Handler<'getClaim'> = async ({ id }) => {
    const claim = this.view.getClaim(id);
    if (!claim) throw new NotebookError('not_found', `no claim ${id}`);
    return ok(claimDetail(this.view, claim, claimRelations(this.view, await this.judgement.get())));
  };

  listClaims: Handler<'listClaims'> = async ({ tag }) => {
    const wanted = tag === undefined ? null : tagFilter(tag);
    const relations = claimRelations(this.view, await this.judgement.get());
    return ok(
      [...this.view.claims()]
        .filter((c) => !wanted || c.tags.some(wanted))
        .sort(claimOrder)
        .map((c) => claimDetail(this.view, c, relations)),
    );
  };

  // ---------- anchors ----------

  listReview: Handler<'listReview'> = async () =>
    ok(
      [...this.view.quotes()]
        .filter(needsReview)
        .sort(quoteOrder)
        .map((q) => reviewItem(this.view, q)),
    );

  reviewAnchor: Handler<'reviewAnchor'> = async ({ quoteId, action, range, exact, occurrence }) => {
    const q = this.view.getQuote(quoteId);
    if (!q) throw new NotebookError('not_found', `no quote ${quoteId}`);
    const source = this.view.getSource(q.sourceId)!;
    const text = await this.store.getText(source.sha256);
    const decision = action === 'reselect' ? { action, range, exact, occurrence } : { action };
    return this.run(reviewAnchor(this.view, quoteId, text, decision, this.ctx()));
  };

  // ---------- suggestions and conflicts ----------

  listSuggestions: Handler<'listSuggestions'> = async (args) => suggestions.listSuggestions(this.suggestionDeps(), args);
  decideSuggestion: Handler<'decideSuggestion'> = async (args) => suggestions.decideSuggestion(this.suggestionDeps(), args);
  dismissSuggestions: Handler<'dismissSuggestions'> = async (args) => suggestions.dismissSuggestions(this.suggestionDeps(), args);
  private suggestionDeps = (): suggestions.SuggestionDeps => ({ view: this.view, getText: (sha) => this.store.getText(sha), run: (o) => this.run(o), ctx: () => this.ctx() });

  listConflicts: Handler<'listConflicts'> = async () => ok(relationItems(this.view, await this.judgement.get(), (r) => r === 'conflict'));
  listFigureChanges: Handler<'listFigureChanges'> = async () => ok(relationItems(this.view, await this.judgement.get(), (r) => r !== 'conflict'));

  markConflict: Handler<'markConflict'> = async ({ a, b, notConflict }) => this.run(actions.setNotConflicting(this.view, a, b, notConflict, this.ctx()));

  search: Handler<'search'> = async ({ query, limit }) => {
    const r = await this.searchIndex.search(query, limit ?? 20);
    if (!r.ok) throw new NotebookError('invalid_argument', `search: ${r.error}`);
    return ok({ hits: r.hits, total: r.total, totalExact: r.totalExact });
  };

  loadSample: Handler<'loadSample'> = async () => {
    if (this.view.counts.sources > 0) throw new NotebookError('conflict', 'the sample can only be loaded into an empty notebook; create a new notebook for it');
    return ok(await loadSampleNotebook(this));
  };

  // ---------- export ----------

  exportBriefing: Handler<'exportBriefing'> = async (args) => exporting.exportBriefing(this.exportDeps(), args);
  addCitationStyle: Handler<'addCitationStyle'> = async (args) => exporting.addCitationStyle(this.exportDeps(), args);
  listCitationStyles: Handler<'listCitationStyles'> = async () => exporting.listCitationStyles(this.exportDeps());
  importAnnotations: Handler<'importAnnotations'> = async (args) => exporting.importAnnotations(this.exportDeps(), args, (a) => this.createQuote(a));
  private exportDeps = (): exporting.ExportDeps => ({ view: this.view, store: this.store, today: () => this.clock().toISOString().slice(0, 10), judgement: () => this.judgement.get() });

  quoteContext: Handler<'quoteContext'> = async ({ id, version, chars }) => {
    const q = this.view.getQuote(id);
    if (!q) throw new NotebookError('not_found', `no quote ${id}`);
    const source = this.view.getSource(q.sourceId)!;
    const [sha, start, end] = version === 'origin' ? [q.origin.sha256, q.origin.start, q.origin.end] : [q.anchor.sha256, q.selectors[0].start, q.selectors[0].end];
    const text = await this.store.getText(sha);
    const n = chars ?? CONTEXT_CHARS;
    const importedAt = sha === source.sha256 ? currentSince(source) : (source.versions.find((v) => v.sha256 === sha)?.importedAt ?? source.importedAt);
    return ok({
      quoteId: id,
      sha256: sha,
      isCurrentVersion: sha === source.sha256,
      versionImportedAt: importedAt,
      before: text.slice(Math.max(0, start - n), start),
      quote: text.slice(start, end),
      after: text.slice(end, end + n),
      start,
      end,
    });
  };
}

/** How much context to show around a quote by default, in characters each side. */
const CONTEXT_CHARS = 240;

/** A filter matching a tag and everything nested below it. */
function tagFilter(raw: string): (name: string) => boolean {
  const n = normalizeTagName(raw);
  if (!n.ok) throw new NotebookError('invalid_argument', n.error);
  return (name) => isTagWithin(name, n.name);
}
