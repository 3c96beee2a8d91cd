/**
 * The Library: every source with its counts, importing (picker, drop, paste),
 * metadata editing, and the Trash of deleted sources. Both lists are windowed
 * (useListWindow): of 10,000 sources only the rows near the visible part are in the DOM.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import type { SourceSummary } from '../../shared/api/contract.ts';
import * as A from '../state/actions.ts';
import { emptyTrash, loadTrash, restoreSource, trashNotice } from '../state/actions/sources.ts';
import type { TrashItem } from '../state/actions/sources.ts';
import { plural } from '../state/derive.ts';
import { useStore } from '../state/store.ts';
import { Icon } from './Icon.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { SourceEditor } from './SourceEditor.tsx';
import { useListWindow } from './useListWindow.ts';
import { planReferences } from '../state/actions/references.ts';
import type { ReferencePlan } from '../state/actions/references.ts';
import { ReferencesDialog } from './ReferencesDialog.tsx';
import type { ListWindow } from './useListWindow.ts';

/** The last import request already answered, kept across remounts so revisiting the Library does not reopen the picker. */
let answeredImportRequest = 0;

export function LibraryView() {
  const sources = useStore((s) => s.sources);
  const loaded = useStore((s) => s.loaded);
  const progress = useStore((s) => s.progress);
  const importRequest = useStore((s) => s.importRequest);
  const fileInput = useRef<HTMLInputElement>(null);
  const refsInput = useRef<HTMLInputElement>(null);
  const [refsPlan, setRefsPlan] = useState<ReferencePlan | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const trash = useTrash();

  useEffect(() => {
    if (importRequest > answeredImportRequest) {
      answeredImportRequest = importRequest;
      fileInput.current?.click();
    }
  }, [importRequest]);

  return (
    <section className="view library" aria-labelledby="library-title">
      <header className="view-header">
        <div>
          <h1 id="library-title">Library</h1>
          <p className="subtle">{sources.length === 0 ? 'No sources yet' : plural(sources.length, 'source')}</p>
        </div>
        <div className="actions">
          <button type="button" className="button primary" onClick={() => fileInput.current?.click()}>
            <Icon name="upload" /> Import files…
          </button>
          <button type="button" className="button" onClick={() => A.setPasteOpen(true)}>
            <Icon name="paste" /> Paste text
          </button>
          <button type="button" className="button" onClick={() => refsInput.current?.click()}>
            Import references…
          </button>
          <input
            ref={refsInput}
            className="visually-hidden"
            type="file"
            accept=".bib,.ris,.json"
            aria-label="Choose a reference file (BibTeX, RIS or CSL-JSON)"
            tabIndex={-1}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void planReferences(file).then(setRefsPlan);
            }}
          />
          <input
            ref={fileInput}
            className="visually-hidden"
            type="file"
            multiple
            accept=".txt,.md,.markdown,.html,.htm,.docx,.epub,.odt,.mhtml,.mht,.warc,text/plain,text/markdown,text/html"
            aria-label="Choose files to import"
            tabIndex={-1}
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              e.currentTarget.value = '';
              void A.importFiles(files);
            }}
          />
        </div>
      </header>

      {progress && (
        <div className="progress-card" role="group" aria-label="Import progress">
          <div className="progress-label" role="status">
            {progress.label}
          </div>
          {progress.indeterminate ? <progress aria-label="Import progress" /> : <progress max={progress.total} value={progress.done} aria-label="Import progress" />}
          {progress.cancel && (
            <button type="button" className="button small" onClick={progress.cancel}>
              Cancel import
            </button>
          )}
        </div>
      )}

      {loaded && sources.length === 0 && !progress ? (
        <div className="empty-state">
          <h2>Your library is empty</h2>
          <p>
            Import articles as .txt, .md or .html files, Word (.docx), EPUB and OpenDocument (.odt) documents or saved web pages (.mhtml, .warc), drop them anywhere on this window, or paste text.
            Highlights, tags and claims you make are kept with each source.
          </p>
          <div className="actions">
            <button type="button" className="button primary" onClick={() => fileInput.current?.click()}>
              Import your first source
            </button>
            <button type="button" className="button" onClick={() => A.setPasteOpen(true)}>
              Paste text instead
            </button>
          </div>
        </div>
      ) : (
        <SourceList sources={sources} editing={editing} setEditing={setEditing} />
      )}
      {trash.length > 0 && <TrashSection items={trash} />}
      {refsPlan && <ReferencesDialog plan={refsPlan} onClose={() => setRefsPlan(null)} />}
    </section>
  );
}

/** The sources, windowed; each row says where it stands in the whole list (aria-posinset of aria-setsize). */
function SourceList({ sources, editing, setEditing }: { sources: SourceSummary[]; editing: string | null; setEditing: (id: string | null) => void }) {
  const list = useRef<HTMLUListElement>(null);
  const keyOf = useCallback((i: number) => sources[i]!.id, [sources]);
  const win = useListWindow(sources.length, keyOf, list, 72);
  const rows = [];
  for (let i = win.first; i <= win.last; i++) {
    const s = sources[i]!;
    rows.push(
      <li key={s.id} className="source-card" data-row={i} aria-posinset={i + 1} aria-setsize={sources.length}>
        {editing === s.id ? <SourceEditor source={s} onDone={() => setEditing(null)} /> : <SourceRow source={s} onEdit={() => setEditing(s.id)} />}
      </li>,
    );
  }
  return (
    <WindowedList list={list} win={win} label="Sources">
      {rows}
    </WindowedList>
  );
}

/** A windowed list's rendered rows between the spacers that stand in for the rest. */
function WindowedList({ list, win, label, children }: { list: RefObject<HTMLUListElement | null>; win: ListWindow; label: string; children: ReactNode }) {
  return (
    <ul ref={list} className="source-list" aria-label={label}>
      {win.before > 0 && <li className="list-spacer" aria-hidden="true" style={{ height: win.before }} />}
      {children}
      {win.after > 0 && <li className="list-spacer" aria-hidden="true" style={{ height: win.after }} />}
    </ul>
  );
}

/**
 * The Trash, read from the service whenever the notebook changes (a deletion or
 * restore changes the sources; emptying it, or undoing that, changes the history).
 */
function useTrash(): TrashItem[] {
  const sources = useStore((s) => s.sources);
  const undo = useStore((s) => s.undo);
  const [items, setItems] = useState<TrashItem[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the Trash is read again after any change to the sources or the history: those are the triggers
  useEffect(() => {
    let current = true;
    void loadTrash().then((list) => current && list && setItems(list));
    return () => {
      current = false;
    };
  }, [sources, undo]);
  return items;
}

function TrashSection({ items }: { items: TrashItem[] }) {
  const [confirming, setConfirming] = useState(false);
  const quotes = items.reduce((n, i) => n + i.quoteCount, 0);
  return (
    <section className="trash" aria-labelledby="trash-title">
      <header className="view-header">
        <div>
          <h2 id="trash-title">Trash ({items.length})</h2>
          <p className="subtle">Deleted sources with their quotes. Restoring one puts it back as it was, with its links to claims.</p>
        </div>
        <div className="actions">
          {confirming ? (
            <>
              <span className="subtle" role="status">
                Remove {items.length === 1 ? 'this source' : `these ${items.length} sources`} and {quotes === 1 ? 'its 1 quote' : `their ${quotes} quotes`} for good?
              </span>
              <button
                type="button"
                className="button small danger"
                onClick={() => {
                  setConfirming(false);
                  void emptyTrash();
                }}
              >
                Empty trash for good
              </button>
              <button type="button" className="button small" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="button small" onClick={() => setConfirming(true)}>
              Empty trash…
            </button>
          )}
        </div>
      </header>
      <TrashList items={items} />
    </section>
  );
}

/** The Trash's entries, windowed like the sources (thousands of deleted sources render only the rows in view; under 200, all of them). */
function TrashList({ items }: { items: TrashItem[] }) {
  const list = useRef<HTMLUListElement>(null);
  const keyOf = useCallback((i: number) => items[i]!.source.id, [items]);
  const win = useListWindow(items.length, keyOf, list, 64);
  const rows = [];
  for (let n = win.first; n <= win.last; n++) {
    const i = items[n]!;
    rows.push(
      <li key={i.source.id} className="source-card" data-row={n} aria-posinset={n + 1} aria-setsize={items.length}>
        <div className="source-row">
          <div className="source-main">
            <div className="source-title">{i.source.title}</div>
            <div className="subtle">
              {plural(i.quoteCount, 'quote')} · deleted {new Date(i.trashedAt).toLocaleString()}
              {i.sameTextAs && ` · cannot be restored while “${i.sameTextAs.title}” holds the same text`}
            </div>
          </div>
          <div className="row-actions">
            <button
              type="button"
              className="button small"
              disabled={i.sameTextAs !== null}
              title={i.sameTextAs ? `Delete “${i.sameTextAs.title}” first: it holds the same text` : 'Put the source back with its quotes and links'}
              aria-label={`Restore ${i.source.title}`}
              onClick={() => void restoreSource(i.source.id)}
            >
              Restore
            </button>
          </div>
        </div>
      </li>,
    );
  }
  return (
    <WindowedList list={list} win={win} label="Trash">
      {rows}
    </WindowedList>
  );
}

function SourceRow({ source: s, onEdit }: { source: SourceSummary; onEdit: () => void }) {
  const versionInput = useRef<HTMLInputElement>(null);
  const meta = [s.authors.join(', '), s.publisher, s.published].filter(Boolean).join(' · ');
  return (
    <div className="source-row">
      <div className="source-main">
        <button type="button" className="link-button source-title" onClick={() => void A.openSource(s.id)}>
          {s.title}
        </button>
        <div className="subtle">{meta || s.fileName || 'No details yet'}</div>
      </div>
      <div className="source-stats" role="group" aria-label={`${plural(s.quoteCount, 'quote')}, ${plural(s.claimCount, 'claim')}`}>
        <span className="stat">
          <strong>{s.quoteCount}</strong> {s.quoteCount === 1 ? 'quote' : 'quotes'}
        </span>
        <span className="stat">
          <strong>{s.claimCount}</strong> {s.claimCount === 1 ? 'claim' : 'claims'}
        </span>
        {s.reviewCount > 0 && (
          <button type="button" className="badge badge-fuzzy badge-alert" onClick={() => A.setView('review')} aria-label={`${plural(s.reviewCount, 'quote')} of ${s.title} to review`}>
            ⚠ {s.reviewCount} to review
          </button>
        )}
      </div>
      <div className="row-actions">
        <button type="button" className="button small" onClick={onEdit} aria-label={`Edit details of ${s.title}`}>
          Details
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => versionInput.current?.click()}
          aria-label={`Import new version of ${s.title}`}
          title="Replace the text with a newer version; quotes follow their words"
        >
          Import new version…
        </button>
        <input
          ref={versionInput}
          className="visually-hidden"
          type="file"
          accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
          aria-label={`Choose the new version of ${s.title}`}
          tabIndex={-1}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void A.importNewVersion(s.id, file);
          }}
        />
        <ConfirmDelete
          what="source"
          confirmLabel="Move to Trash"
          confirmAria={`Move ${s.title} to the Trash`}
          detail={trashNotice(s.title, s.quoteCount)}
          onDelete={() => void A.deleteSource(s.id)}
          trigger={{ label: `Delete ${s.title}`, className: 'icon-button', title: 'Delete source (it goes to the Trash)', content: <Icon name="trash" /> }}
        />
      </div>
    </div>
  );
}
