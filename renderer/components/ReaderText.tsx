/**
 * The Reader's text with its quotes painted in place (text nodes only, never
 * HTML), and everything done on it: selecting with the mouse or the keyboard
 * (useReaderKeys), the selection toolbar placed beside the selection, the
 * context menus on a selection and on a highlight, the confirmation before a
 * keyboard delete, and jumps that bring a range to the middle of the pane and
 * flash it (store.jump, set by openQuote and search hits).
 *
 * Only the blocks of the text near what is visible are in the DOM (useTextWindow),
 * each painting its own highlights (TextBlock); a jump, a caret move or a
 * selection that reaches beyond them has its blocks rendered first.
 */
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import type { Quote, Source } from '../../shared/model/records.ts';
import { currentSelection, onKeyDown } from '../api/client.ts';
import { domPointToOffset, offsetsToRange, rangeToOffsets } from '../reader/offsets.ts';
import type { Box } from '../reader/placement.ts';
import { blockAt, blockEnd } from '../reader/blocks.ts';
import { topmostQuote } from '../reader/segments.ts';
import * as A from '../state/actions.ts';
import type { SelectionIntent } from '../state/actions.ts';
import { paintable } from '../state/derive.ts';
import { useStore } from '../state/store.ts';
import { QuoteDeleteConfirm } from './ConfirmDelete.tsx';
import type { Anchor } from './ConfirmDelete.tsx';
import { ContextMenu } from './ContextMenu.tsx';
import type { MenuItem } from './ContextMenu.tsx';
import { quoteMenuItems } from './QuoteMenu.tsx';
import { SelectionToolbar } from './SelectionToolbar.tsx';
import { pageMarksByBlock } from '../reader/page-marks.ts';
import { TextBlock, spansByBlock } from './TextBlock.tsx';
import type { PaintSpan } from './TextBlock.tsx';
import { useReaderKeys } from './useReaderKeys.ts';
import { useTextWindow } from './useTextWindow.ts';

const NO_SPANS: readonly PaintSpan[] = [];

/** first, first + 1, …, last. */
const blockRange = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, k) => first + k);

/** Stands in for blocks that are not rendered, at their height. */
function Spacer({ height }: { height: number }) {
  return height > 0 ? <div className="text-spacer" aria-hidden="true" style={{ height }} /> : null;
}

/** How long a jumped-to passage stays flashed. */
const FLASH_MS = 1800;

export interface Pending {
  range: { start: number; end: number };
  box: Box;
}

export function ReaderText({ source, quotes, reselecting }: { source: Source & { textLength?: number }; quotes: readonly Quote[]; reselecting: boolean }) {
  const selected = useStore((s) => (s.selected?.kind === 'quote' ? s.selected.id : null));
  const jump = useStore((s) => s.jump);
  const textRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [flash, setFlash] = useState<{ seq: number; rects: Box[] } | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[]; label: string } | null>(null);
  const [confirm, setConfirm] = useState<{ anchor: Anchor; quote: Quote } | null>(null);
  const lastJump = useRef(0);

  const byId = useMemo(() => new Map<string, Quote>(quotes.map((q) => [q.id, q])), [quotes]);
  const win = useTextWindow(source.text, paneRef, textRef);
  const blockSpans = useRef(new Map<number, { key: string; spans: PaintSpan[] }>());
  const painted = useMemo(() => {
    const spans = quotes
      .filter(paintable)
      .map((q): PaintSpan => ({ id: q.id, start: Math.max(0, q.selectors[0].start), end: Math.min(source.text.length, q.selectors[0].end), color: q.color }))
      .filter((s) => s.start < s.end); // a long text's rest may not have arrived yet
    return (blockSpans.current = spansByBlock(spans, (o) => blockAt(win.blocks, o), blockSpans.current));
  }, [quotes, win.blocks, source.text.length]);
  const pageMarks = useMemo(() => pageMarksByBlock(source.pages, win.blocks), [source.pages, win.blocks]);
  const lengthOf = (id: string) => {
    const q = byId.get(id);
    return q ? q.selectors[0].end - q.selectors[0].start : Infinity;
  };

  /** A DOM range's box in the pane's content coordinates. */
  const boxOf = (r: { top: number; bottom: number; left: number; right: number }): Box => {
    const pane = paneRef.current!;
    const p = pane.getBoundingClientRect();
    return { top: r.top - p.top + pane.scrollTop, bottom: r.bottom - p.top + pane.scrollTop, left: r.left - p.left + pane.scrollLeft, right: r.right - p.left + pane.scrollLeft };
  };

  /** Scrolls a range of the text into view (to the middle, or just into sight) and flashes it. */
  const show = (start: number, end: number, mode: 'center' | 'nearest') => {
    const pane = paneRef.current;
    const root = textRef.current;
    if (!win.mount(start, end)) return false;
    const range = root ? offsetsToRange(root, start, end) : null;
    if (!pane || !range) return false;
    const r = range.getBoundingClientRect();
    const p = pane.getBoundingClientRect();
    if (mode === 'center') pane.scrollTop += r.height > p.height * 0.8 ? r.top - p.top - 24 : r.top + r.height / 2 - (p.top + p.height / 2);
    else if (r.top < p.top + 8) pane.scrollTop += r.top - p.top - 24;
    else if (r.bottom > p.bottom - 8) pane.scrollTop += r.bottom - p.bottom + 24;
    const seq = lastJump.current + 1;
    lastJump.current = seq;
    setFlash({ seq, rects: [...range.getClientRects()].map(boxOf) });
    return true;
  };

  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash((f) => (f?.seq === flash.seq ? null : f)), FLASH_MS);
    return () => clearTimeout(t);
  }, [flash]);

  // A jump asked for by another view (a claim's evidence, a search hit, the annotations panel).
  const handledJump = useRef(0);
  useEffect(() => {
    if (!jump || jump.sourceId !== source.id || jump.seq === handledJump.current) return;
    if (show(jump.start, jump.end, 'center')) {
      handledJump.current = jump.seq;
      keys.placeCaret(jump.start);
    }
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a pending selection is dropped when the source or its quotes change: the triggers
  useEffect(() => setPending(null), [source.id, quotes]);

  // The blocks holding both ends of a selection in the text stay rendered, however far it is scrolled.
  useEffect(() => {
    const doc = textRef.current?.ownerDocument;
    if (!doc) return;
    const follow = () => {
      const root = textRef.current;
      const sel = currentSelection();
      if (!root || !sel || sel.rangeCount === 0 || sel.isCollapsed) return win.pinSelection([]);
      const ends = [domPointToOffset(root, sel.anchorNode!, sel.anchorOffset), domPointToOffset(root, sel.focusNode!, sel.focusOffset)];
      win.pinSelection(ends.filter((o): o is number => o !== null));
    };
    doc.addEventListener('selectionchange', follow);
    return () => doc.removeEventListener('selectionchange', follow);
  }, [win.pinSelection]);

  const act = (intent: SelectionIntent) => {
    if (!pending) return;
    const range = pending.range;
    setPending(null);
    currentSelection()?.removeAllRanges();
    keys.placeCaret(range.end);
    void A.quoteSelection(range, intent);
  };
  const takeAsNewText = () => {
    if (!pending) return;
    const range = pending.range;
    setPending(null);
    currentSelection()?.removeAllRanges();
    void A.finishReselect(range);
  };
  const selectionItems = (): MenuItem[] => [
    ...A.COLORS.map((c) => ({ label: `Highlight ${c}`, swatch: 'swatch-' + c, act: () => act({ kind: 'highlight', color: c }) })),
    { label: 'Highlight and tag', act: () => act({ kind: 'tag' }) },
    { label: 'Make claim', act: () => act({ kind: 'claim' }) },
    { label: 'Highlight and add note', act: () => act({ kind: 'note' }) },
    ...(reselecting ? [{ label: 'Use as new text', act: takeAsNewText }] : []),
  ];

  /** The confirmation before deleting a quote, beside its highlight. */
  const askDelete = (q: Quote) => {
    const root = textRef.current;
    const range = root && win.mount(q.selectors[0].start, q.selectors[0].end, true) ? offsetsToRange(root, q.selectors[0].start, q.selectors[0].end) : null;
    const r = range?.getBoundingClientRect() ?? root?.getBoundingClientRect();
    if (r) setConfirm({ anchor: { top: r.top, bottom: r.bottom, left: r.left, right: Math.min(r.right, r.left + 400) }, quote: q });
  };
  const openQuoteMenu = (q: Quote, x: number, y: number) => setMenu({ x, y, label: 'Highlight actions', items: quoteMenuItems(q, () => askDelete(q)) });

  const keys = useReaderKeys({
    text: source.text,
    quotes,
    selected,
    textRef,
    paneRef,
    mount: win.mount,
    boxOf,
    show,
    onSelection: (range, box) => setPending(range ? { range, box: box! } : null),
    onDelete: askDelete,
    onMenu: (x, y) => {
      if (pending) setMenu({ x, y, label: 'Selection actions', items: selectionItems() });
      else {
        const q = keys.quoteAtCaret();
        if (q) openQuoteMenu(q, x, y);
      }
    },
  });

  // Single-key shortcuts while the selection toolbar is up: H highlight, T tag, C claim, N note.
  useEffect(() => {
    if (!pending) return;
    return onKeyDown((e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || menu) return;
      const intent: SelectionIntent | null =
        e.key === 'h' ? { kind: 'highlight', color: 'yellow' } : e.key === 't' ? { kind: 'tag' } : e.key === 'c' ? { kind: 'claim' } : e.key === 'n' ? { kind: 'note' } : null;
      if (e.key === 'Escape') setPending(null);
      if (!intent) return;
      e.preventDefault();
      act(intent);
    });
  });

  // While a drag that began in the text goes on, the panels around it cannot be selected, so a drag
  // that overshoots (onto a panel, a notification) still ends in the text.
  const onMouseDown = (e: MouseEvent) => {
    const app = textRef.current?.closest('.app');
    if (e.button !== 0 || !app) return;
    app.classList.add('selecting-text');
    app.ownerDocument.addEventListener('mouseup', () => app.classList.remove('selecting-text'), { once: true });
  };

  const onMouseUp = () => {
    const sel = currentSelection();
    const root = textRef.current;
    if (!sel || sel.rangeCount === 0 || !root) return setPending(null);
    keys.followSelection(sel);
    if (sel.isCollapsed) return setPending(null);
    const range = sel.getRangeAt(0);
    const offsets = rangeToOffsets(root, range, source.text);
    setPending(offsets ? { range: offsets, box: boxOf(range.getBoundingClientRect()) } : null);
  };

  const quoteAt = (target: EventTarget): Quote | null => {
    const mark = (target as Element).closest('mark[data-quotes]');
    const quoteIds = mark?.getAttribute('data-quotes')?.split(' ') ?? [];
    const id = topmostQuote({ start: 0, end: 0, quoteIds }, lengthOf);
    return id ? (byId.get(id) ?? null) : null;
  };

  const onClick = (e: MouseEvent) => {
    const sel = currentSelection();
    if (sel && !sel.isCollapsed) return;
    const q = quoteAt(e.target);
    if (q) A.select({ kind: 'quote', id: q.id });
  };

  const onContextMenu = (e: MouseEvent) => {
    const sel = currentSelection();
    if (pending && sel && !sel.isCollapsed) {
      e.preventDefault();
      setMenu({ x: e.clientX, y: e.clientY, label: 'Selection actions', items: selectionItems() });
      return;
    }
    const q = quoteAt(e.target);
    if (!q) return;
    e.preventDefault();
    A.select({ kind: 'quote', id: q.id });
    openQuoteMenu(q, e.clientX, e.clientY);
  };

  const pane = paneRef.current;
  return (
    <div className="reader-pane" ref={paneRef} onScroll={win.onScroll}>
      <p id="reader-keys-help" className="visually-hidden">
        Arrow keys move the reading cursor, Shift with the arrows selects, H highlights the selection. Alt with Down or Up arrow goes to the next or previous highlight; Enter opens it, E edits its
        note, Delete deletes it.
      </p>
      <div
        className={source.pages ? 'source-text paged' : 'source-text'}
        ref={textRef}
        tabIndex={0}
        role="document"
        aria-label="Source text"
        aria-describedby="reader-keys-help"
        onMouseDown={onMouseDown}
        onMouseUp={onMouseUp}
        onClick={onClick}
        onContextMenu={onContextMenu}
        onKeyDown={keys.onKeyDown}
        onFocus={keys.onFocus}
        onBlur={keys.onBlur}
      >
        {win.runs.map(([first, last], r) => (
          <Fragment key={first}>
            <Spacer height={win.heightOf(r === 0 ? 0 : win.runs[r - 1]![1] + 1, first)} />
            {blockRange(first, last).map((i) => {
              const spans = painted.get(i)?.spans ?? NO_SPANS;
              return (
                <TextBlock
                  key={i}
                  index={i}
                  text={source.text}
                  start={win.blocks.starts[i]!}
                  end={blockEnd(win.blocks, i)}
                  spans={spans}
                  selected={selected && spans.some((s) => s.id === selected) ? selected : null}
                  marks={pageMarks.get(i)}
                />
              );
            })}
          </Fragment>
        ))}
        <Spacer height={win.heightOf(win.runs[win.runs.length - 1]![1] + 1, win.blocks.starts.length)} />
      </div>
      {source.textLength !== undefined && source.text.length < source.textLength && (
        <p className="reader-rest" role="status">
          Loading the rest of the text ({Math.round((100 * source.text.length) / source.textLength)}% shown)…
        </p>
      )}
      {keys.caret && <div className="reader-caret" aria-hidden="true" style={{ top: keys.caret.top, left: keys.caret.left, height: keys.caret.height }} />}
      {flash?.rects.map((r, i) => (
        <div key={`${flash.seq}-${i}`} className="flash" aria-hidden="true" style={{ top: r.top - 2, left: r.left - 2, width: r.right - r.left + 4, height: r.bottom - r.top + 4 }} />
      ))}
      {pending && pane && (
        <SelectionToolbar box={pending.box} paneWidth={pane.clientWidth} scrollTop={pane.scrollTop} onAct={act} onReselect={reselecting ? takeAsNewText : undefined} onClose={() => setPending(null)} />
      )}
      {menu && <ContextMenu x={menu.x} y={menu.y} label={menu.label} items={menu.items} onClose={() => setMenu(null)} />}
      {confirm && (
        <QuoteDeleteConfirm
          anchor={confirm.anchor}
          quoteId={confirm.quote.id}
          onCancel={() => {
            setConfirm(null);
            textRef.current?.focus();
          }}
          onConfirm={() => {
            const id = confirm.quote.id;
            setConfirm(null);
            textRef.current?.focus();
            void A.deleteQuote(id);
          }}
        />
      )}
    </div>
  );
}
