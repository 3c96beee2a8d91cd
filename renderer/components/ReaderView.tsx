/**
 * The Reader: the source text with its quotes painted in place. Selecting text
 * shows a floating toolbar (highlight in a color, tag, make claim, add note);
 * clicking a highlight selects its quote for the inspector. The text is rendered
 * as text nodes only, never as HTML.
 *
 * Fuzzy and orphaned quotes cannot be painted (their offsets point into an older
 * version); the header's badges for them stand out and lead to Review. While a
 * quote is being re-selected, a banner says so and the toolbar offers "Use as new text".
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import type { Quote } from '../../shared/model/records.ts';
import { currentSelection, onKeyDown } from '../api/client.ts';
import { rangeToOffsets } from '../reader/offsets.ts';
import { segmentText, topmostQuote } from '../reader/segments.ts';
import * as A from '../state/actions.ts';
import type { SelectionIntent } from '../state/actions.ts';
import { anchorStatus, anchorSummary, awaitsReview, excerpt, paintable } from '../state/derive.ts';
import { useStore } from '../state/store.ts';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';

interface Pending {
  range: { start: number; end: number };
  top: number;
  left: number;
}

/** One empty list for every render without a source, so the selector's answer stays the same. */
const NO_QUOTES: readonly Quote[] = [];

export function ReaderView() {
  const source = useStore((s) => s.source);
  const selected = useStore((s) => s.selected);
  const reselect = useStore((s) => (s.reselect && s.source && s.reselect.sourceId === s.source.id ? s.reselect : null));
  const textRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const quotes = useStore((s) => (source ? s.index.quotesOf(source.id) : NO_QUOTES));
  const byId = useMemo(() => new Map<string, Quote>(quotes.map((q) => [q.id, q])), [quotes]);
  const segments = useMemo(
    () => (source ? segmentText(source.text.length, quotes.filter(paintable).map((q) => ({ id: q.id, start: q.selectors[0].start, end: q.selectors[0].end }))) : []),
    [source, quotes],
  );
  const lengthOf = (id: string) => {
    const q = byId.get(id);
    return q ? q.selectors[0].end - q.selectors[0].start : Infinity;
  };

  const selectedQuoteId = selected?.kind === 'quote' ? selected.id : null;
  useEffect(() => {
    if (!selectedQuoteId || !textRef.current) return;
    const q = byId.get(selectedQuoteId);
    if (!q) return;
    const el = textRef.current.querySelector(`[data-start="${q.selectors[0].start}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [selectedQuoteId, byId]);

  useEffect(() => setPending(null), [source?.id, quotes]);

  const act = (intent: SelectionIntent) => {
    if (!pending) return;
    const range = pending.range;
    setPending(null);
    currentSelection()?.removeAllRanges();
    void A.quoteSelection(range, intent);
  };
  const useAsNewText = () => {
    if (!pending) return;
    const range = pending.range;
    setPending(null);
    currentSelection()?.removeAllRanges();
    void A.finishReselect(range);
  };

  // Single-key shortcuts while the selection toolbar is up: H highlight, T tag, C claim, N note.
  useEffect(() => {
    if (!pending) return;
    return onKeyDown((e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const intent: SelectionIntent | null =
        e.key === 'h' ? { kind: 'highlight', color: 'yellow' } : e.key === 't' ? { kind: 'tag' } : e.key === 'c' ? { kind: 'claim' } : e.key === 'n' ? { kind: 'note' } : null;
      if (e.key === 'Escape') setPending(null);
      if (!intent) return;
      e.preventDefault();
      act(intent);
    });
  });

  if (!source) {
    return (
      <section className="view reader" aria-labelledby="reader-title">
        <header className="view-header">
          <h1 id="reader-title">Reader</h1>
        </header>
        <div className="empty-state">
          <h2>No source open</h2>
          <p>Open a source from the Library to read it, highlight passages and turn them into claims.</p>
          <button type="button" className="button primary" onClick={() => A.setView('library')}>
            Go to the Library
          </button>
        </div>
      </section>
    );
  }

  const onMouseUp = () => {
    const sel = currentSelection();
    const root = textRef.current;
    const pane = paneRef.current;
    if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !root || !pane) {
      setPending(null);
      return;
    }
    const range = sel.getRangeAt(0);
    const offsets = rangeToOffsets(root, range, source.text);
    if (!offsets) {
      setPending(null);
      return;
    }
    const r = range.getBoundingClientRect();
    const p = pane.getBoundingClientRect();
    setPending({ range: offsets, top: r.top - p.top + pane.scrollTop - 44, left: Math.max(8, r.left - p.left + r.width / 2 - 150) });
  };

  const onClick = (e: MouseEvent) => {
    const sel = currentSelection();
    if (sel && !sel.isCollapsed) return;
    const mark = (e.target as Element).closest('mark[data-quotes]');
    if (!mark) return;
    const seg = segments.find((s) => String(s.start) === mark.getAttribute('data-start'));
    const id = seg ? topmostQuote(seg, lengthOf) : null;
    if (id) A.select({ kind: 'quote', id });
  };

  const meta = [source.authors.join(', '), source.publisher, source.published].filter(Boolean).join(' · ');

  return (
    <section className="view reader" aria-labelledby="reader-title">
      <header className="view-header">
        <div>
          <h1 id="reader-title">{source.title}</h1>
          <p className="subtle">{meta || source.fileName || 'Imported text'}</p>
        </div>
        <div className="anchor-badges" role="group" aria-label="Anchor status">
          {anchorSummary(quotes).map(({ status, count }) => {
            // Pinned or otherwise decided quotes keep their status but no longer call for attention.
            const waiting = quotes.filter((q) => anchorStatus(q) === status && awaitsReview(q)).length;
            return waiting > 0 ? (
              <button key={status} type="button" className={'badge badge-' + status + ' badge-alert'} title="These quotes lost their place in the new version" onClick={() => A.setView('review')}>
                ⚠ {waiting} {status} · review
              </button>
            ) : (
              <span key={status} className={'badge badge-' + status}>
                {count} {status}
              </span>
            );
          })}
        </div>
      </header>
      {reselect && (
        <div className="reselect-banner" role="status">
          <span>
            Re-selecting: select the passage that now says “{excerpt(reselect.oldText, 80)}”, then choose <strong>Use as new text</strong>.
          </span>
          <button type="button" className="button small" onClick={A.cancelReselect}>
            Cancel re-select
          </button>
        </div>
      )}
      <div className="reader-body">
      <div className="reader-pane" ref={paneRef}>
        {quotes.length > 0 && (
          <details className="highlight-list">
            <summary>Highlights ({quotes.length})</summary>
            <ul>
              {quotes.map((q) => (
                <li key={q.id}>
                  <button type="button" className={'link-button swatch-' + q.color} onClick={() => A.select({ kind: 'quote', id: q.id })}>
                    {excerpt(q.exact, 90)}
                  </button>
                  {!paintable(q) && <span className={'badge badge-' + anchorStatus(q)}>{anchorStatus(q)}</span>}
                </li>
              ))}
            </ul>
          </details>
        )}
        {/* Mouse-only shortcut to inspect a highlight; keyboard users reach the same quotes through the Highlights list above. */}
        <div className="source-text" ref={textRef} onMouseUp={onMouseUp} onClick={onClick} onKeyUp={(e) => e.key === 'Escape' && setPending(null)} aria-label="Source text" role="document">
          {segments.map((seg) => {
            const text = source.text.slice(seg.start, seg.end);
            if (seg.quoteIds.length === 0)
              return (
                <span key={seg.start} data-start={seg.start}>
                  {text}
                </span>
              );
            const top = topmostQuote(seg, lengthOf);
            const q: Quote | undefined = top ? byId.get(top) : undefined;
            const cls = ['hl', 'hl-' + (q?.color ?? 'yellow')];
            if (seg.quoteIds.length > 1) cls.push('hl-overlap');
            if (selectedQuoteId && seg.quoteIds.includes(selectedQuoteId)) cls.push('hl-selected');
            return (
              <mark key={seg.start} data-start={seg.start} data-quotes={seg.quoteIds.join(' ')} className={cls.join(' ')}>
                {text}
              </mark>
            );
          })}
        </div>
        {pending && <SelectionToolbar top={pending.top} left={pending.left} onAct={act} onReselect={reselect ? useAsNewText : undefined} onClose={() => setPending(null)} />}
      </div>
      <SuggestionsPanel sourceId={source.id} />
      </div>
    </section>
  );
}

function SelectionToolbar({ top, left, onAct, onReselect, onClose }: { top: number; left: number; onAct: (i: SelectionIntent) => void; onReselect?: () => void; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div
      ref={ref}
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selection actions"
      style={{ top: Math.max(0, top), left }}
      // Keep the text selection alive while the user clicks a button.
      onMouseDown={(e) => e.preventDefault()}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      {onReselect && (
        <>
          <button type="button" className="toolbar-button primary" onClick={onReselect}>
            Use as new text
          </button>
          <span className="toolbar-sep" aria-hidden="true" />
        </>
      )}
      {A.COLORS.map((c) => (
        <button key={c} type="button" className={'color-dot swatch-' + c} aria-label={`Highlight ${c}`} title={`Highlight ${c}`} onClick={() => onAct({ kind: 'highlight', color: c })} />
      ))}
      <span className="toolbar-sep" aria-hidden="true" />
      <button type="button" className="toolbar-button" onClick={() => onAct({ kind: 'tag' })}>
        Tag
      </button>
      <button type="button" className="toolbar-button" onClick={() => onAct({ kind: 'claim' })}>
        Make claim
      </button>
      <button type="button" className="toolbar-button" onClick={() => onAct({ kind: 'note' })}>
        Add note
      </button>
    </div>
  );
}
