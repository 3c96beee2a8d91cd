/**
 * Beside the Reader: every annotation of the open source in document order, with
 * its colour, note, tags and the claims citing it, filtered by colour, tag and
 * status. Clicking one jumps to it in the text (centred and flashed). By keyboard:
 * ↑/↓ move between annotations (and the text follows), Enter opens one in the
 * inspector, E edits its note, Delete asks to delete it, Shift+F10 or the Menu
 * key opens its menu; right click opens the same menu. The list is windowed
 * (useListWindow), so a source with thousands of highlights keeps the page light.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { HighlightColor, Quote } from '../../shared/model/records.ts';
import * as A from '../state/actions.ts';
import { editQuote } from '../state/actions/quotes.ts';
import { showInReader } from '../state/actions/navigation.ts';
import { anchorStatus, excerpt, paintable, plural } from '../state/derive.ts';
import { useStore } from '../state/store.ts';
import { annotationsOf, NO_FILTER, tagsUsed } from '../reader/annotations.ts';
import type { Annotation, AnnotationFilter, StatusFilter } from '../reader/annotations.ts';
import { QuoteDeleteConfirm } from './ConfirmDelete.tsx';
import type { Anchor } from './ConfirmDelete.tsx';
import { ContextMenu } from './ContextMenu.tsx';
import { quoteMenuItems } from './QuoteMenu.tsx';
import { useListWindow } from './useListWindow.ts';

const STATUS_OPTIONS: [StatusFilter, string][] = [
  ['all', 'Any status'],
  ['cited', 'Cited by a claim'],
  ['uncited', 'Not cited yet'],
  ['noted', 'With a note'],
  ['exact', 'Exact'],
  ['moved', 'Moved'],
  ['fuzzy', 'Fuzzy (to review)'],
  ['orphaned', 'Orphaned (to review)'],
];

/** Selects a quote and, when it has a place in the text, centres and flashes it there. */
export function jumpToQuote(q: Quote): void {
  A.select({ kind: 'quote', id: q.id });
  if (paintable(q)) showInReader(q.sourceId, q.selectors[0]);
}

export function AnnotationsPanel({ sourceId, quotes }: { sourceId: string; quotes: readonly Quote[] }) {
  const claims = useStore((s) => s.claims);
  const selected = useStore((s) => (s.selected?.kind === 'quote' ? s.selected.id : null));
  const [filter, setFilter] = useState<AnnotationFilter>(NO_FILTER);
  const [menu, setMenu] = useState<{ x: number; y: number; quote: Quote } | null>(null);
  const [confirm, setConfirm] = useState<{ anchor: Anchor; quote: Quote } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const rows = useMemo(() => annotationsOf(quotes, claims, filter), [quotes, claims, filter]);
  const tags = useMemo(() => tagsUsed(quotes), [quotes]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter resets when another source opens: sourceId is the trigger
  useEffect(() => setFilter(NO_FILTER), [sourceId]);
  const keyOf = useCallback((i: number) => rows[i]!.quote.id, [rows]);
  const win = useListWindow(rows.length, keyOf, list, 64);
  const selectedAt = selected ? rows.findIndex((r) => r.quote.id === selected) : -1;

  // Keep the selected annotation in sight when it was chosen elsewhere (a click in the text).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the selected row is revealed when the selection changes, not every time the window moves
  useEffect(() => {
    if (selectedAt >= 0) win.reveal(selectedAt);
    // only when the selection moves
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected]);

  const focusItem = (i: number) => win.reveal(i, (row) => row.querySelector<HTMLButtonElement>('.annotation-open')?.focus());
  const askDelete = (q: Quote, el: Element | null | undefined) => {
    const r = (el ?? list.current)?.getBoundingClientRect();
    if (r) setConfirm({ anchor: { top: r.top, bottom: r.bottom, left: r.left, right: r.right }, quote: q });
  };
  const onKey = (e: KeyboardEvent, i: number, a: Annotation) => {
    const q = a.quote;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = rows[i + (e.key === 'ArrowDown' ? 1 : -1)];
      if (!next) return;
      e.preventDefault();
      jumpToQuote(next.quote);
      focusItem(i + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const at = e.key === 'Home' ? 0 : rows.length - 1;
      if (rows[at]) jumpToQuote(rows[at].quote);
      focusItem(at);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      jumpToQuote(q);
      editQuote(q.id, null);
    } else if (e.key === 'e' || e.key === 'E') {
      e.preventDefault();
      editQuote(q.id, 'note');
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      askDelete(q, e.currentTarget);
    } else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      const r = e.currentTarget.getBoundingClientRect();
      setMenu({ x: r.left + 12, y: r.bottom, quote: q });
    }
  };
  const toggleColor = (c: HighlightColor) => setFilter((f) => ({ ...f, colors: f.colors.includes(c) ? f.colors.filter((x) => x !== c) : [...f.colors, c] }));
  const filtered = filter !== NO_FILTER && (filter.colors.length > 0 || filter.tag !== null || filter.status !== 'all');

  return (
    <section className="annotations-panel" aria-labelledby="annotations-title">
      <h2 id="annotations-title">
        Annotations <span className="count">{filtered ? `${rows.length} of ${quotes.length}` : quotes.length}</span>
      </h2>
      {quotes.length === 0 ? (
        <p className="subtle">No highlights yet. Select text (with the mouse, or Shift+arrows after clicking or tabbing into the text) and pick a colour.</p>
      ) : (
        <>
          <div className="annotation-filters" role="group" aria-label="Filter annotations">
            <div className="color-row" role="group" aria-label="Colours">
              {A.COLORS.map((c) => (
                <button
                  key={c}
                  type="button"
                  className={'color-dot small swatch-' + c + (filter.colors.includes(c) ? ' current' : '')}
                  aria-pressed={filter.colors.includes(c)}
                  aria-label={`Only ${c}`}
                  title={`Only ${c}`}
                  onClick={() => toggleColor(c)}
                />
              ))}
            </div>
            <select aria-label="Tag" value={filter.tag ?? ''} onChange={(e) => setFilter((f) => ({ ...f, tag: e.currentTarget.value || null }))}>
              <option value="">Any tag</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            <select aria-label="Status" value={filter.status} onChange={(e) => setFilter((f) => ({ ...f, status: e.currentTarget.value as StatusFilter }))}>
              {STATUS_OPTIONS.map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
            {filtered && (
              <button type="button" className="button small ghost" onClick={() => setFilter(NO_FILTER)}>
                Clear filters
              </button>
            )}
          </div>
          {rows.length === 0 && <p className="subtle">No annotation matches these filters.</p>}
          <ol ref={list} className="annotations" aria-label="Annotations in document order">
            {win.before > 0 && <li className="list-spacer" aria-hidden="true" style={{ height: win.before }} />}
            {rows.slice(win.first, win.last + 1).map((a, k) => {
              const i = win.first + k;
              // One row takes Tab (roving tabindex): the selected one, else the first one rendered.
              const focusable = selectedAt >= win.first && selectedAt <= win.last ? i === selectedAt : k === 0;
              return (
                <AnnotationRow
                  key={a.quote.id}
                  a={a}
                  index={i}
                  count={rows.length}
                  current={a.quote.id === selected}
                  focusable={focusable}
                  onKeyDown={(e) => onKey(e, i, a)}
                  onMenu={(x, y) => setMenu({ x, y, quote: a.quote })}
                />
              );
            })}
            {win.after > 0 && <li className="list-spacer" aria-hidden="true" style={{ height: win.after }} />}
          </ol>
        </>
      )}
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          label="Highlight actions"
          items={quoteMenuItems(menu.quote, () => askDelete(menu.quote, list.current?.querySelector(`[data-quote="${menu.quote.id}"]`)))}
          onClose={() => setMenu(null)}
        />
      )}
      {confirm && (
        <QuoteDeleteConfirm
          anchor={confirm.anchor}
          quoteId={confirm.quote.id}
          onCancel={() => {
            setConfirm(null);
            list.current?.querySelector<HTMLElement>(`[data-quote="${confirm.quote.id}"] .annotation-open`)?.focus();
          }}
          onConfirm={() => {
            const at = rows.findIndex((r) => r.quote.id === confirm.quote.id);
            setConfirm(null);
            void A.deleteQuote(confirm.quote.id).then(() => {
              const next = rows[at + 1] ?? rows[at - 1];
              if (next) {
                A.select({ kind: 'quote', id: next.quote.id });
                focusItem(at + 1 < rows.length ? at : at - 1);
              }
            });
          }}
        />
      )}
    </section>
  );
}

function AnnotationRow({
  a,
  index,
  count,
  current,
  focusable,
  onKeyDown,
  onMenu,
}: {
  a: Annotation;
  index: number;
  count: number;
  current: boolean;
  focusable: boolean;
  onKeyDown: (e: KeyboardEvent) => void;
  onMenu: (x: number, y: number) => void;
}) {
  const q = a.quote;
  const status = anchorStatus(q);
  return (
    <li
      className={'annotation border-' + q.color + (current ? ' current' : '')}
      data-quote={q.id}
      data-row={index}
      aria-posinset={index + 1}
      aria-setsize={count}
      onContextMenu={(e) => {
        e.preventDefault();
        onMenu(e.clientX, e.clientY);
      }}
    >
      <button type="button" className="annotation-open" tabIndex={focusable ? 0 : -1} aria-current={current ? 'true' : undefined} onClick={() => jumpToQuote(q)} onKeyDown={onKeyDown}>
        <span className={'color-dot small swatch-' + q.color} aria-hidden="true" />
        <span className="annotation-text">“{excerpt(q.exact, 160)}”</span>
        <span className="visually-hidden">, {q.color}</span>
      </button>
      {status !== 'exact' && <span className={'badge badge-' + status}>{status}</span>}
      {q.tags.length > 0 && (
        <ul className="chips" aria-label="Tags">
          {q.tags.map((t) => (
            <li key={t} className="chip small">
              {t}
            </li>
          ))}
        </ul>
      )}
      {q.note.trim() && <p className="annotation-note">{excerpt(q.note, 200)}</p>}
      {a.claims.length > 0 && (
        <ul className="annotation-claims" aria-label={plural(a.claims.length, 'claim')}>
          {a.claims.map((c) => (
            <li key={c.id}>
              <span className={'relation rel-' + c.relation}>{c.relation}</span>{' '}
              <button type="button" className="link-button" tabIndex={-1} onClick={() => A.openClaim(c.id)}>
                {excerpt(c.statement, 80)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="icon-button small annotation-menu"
        tabIndex={-1}
        aria-label={`Actions for “${excerpt(q.exact, 40)}”`}
        title="Actions"
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          onMenu(r.left, r.bottom);
        }}
      >
        ⋯
      </button>
    </li>
  );
}
