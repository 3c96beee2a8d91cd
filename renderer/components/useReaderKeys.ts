/**
 * Reading and selecting the Reader's text by keyboard, without a mouse and
 * without the browser's caret browsing: the text takes focus (Tab), shows a
 * caret, and
 * - ←/→ move it a character, Ctrl/Alt+←/→ a word, ↑/↓ a line, Home/End to the line's ends;
 * - Shift with any of those selects (the selection toolbar then appears, and H,
 *   T, C, N act on the selection as after a mouse selection);
 * - Alt+↓/↑ go to the next or previous highlight (selected and flashed);
 * - Enter opens the highlight at the caret in the inspector, E edits its note,
 *   Delete asks to delete it; Shift+F10 or the Menu key opens the context menu.
 * Offsets are the source's (reader/offsets.ts); line moves ask the layout where
 * the point one line up or down is (client.textPositionAt).
 */
import { useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { Quote } from '../../shared/model/records.ts';
import { currentSelection, textPositionAt } from '../api/client.ts';
import { neighbourQuote } from '../reader/annotations.ts';
import { stepCaret } from '../reader/caret.ts';
import { domPointToOffset, offsetToDomPoint, offsetsToRange, rangeToOffsets } from '../reader/offsets.ts';
import type { Box } from '../reader/placement.ts';
import * as A from '../state/actions.ts';
import { editQuote } from '../state/actions/quotes.ts';
import { paintable } from '../state/derive.ts';

interface Options {
  text: string;
  quotes: readonly Quote[];
  selected: string | null;
  textRef: RefObject<HTMLDivElement | null>;
  paneRef: RefObject<HTMLDivElement | null>;
  /** Has the text's blocks holding [start, end] rendered (see useTextWindow); true when they already were. */
  mount: (start: number, end: number, sync?: boolean) => boolean;
  boxOf: (r: { top: number; bottom: number; left: number; right: number }) => Box;
  show: (start: number, end: number, mode: 'center' | 'nearest') => boolean;
  onSelection: (range: { start: number; end: number } | null, box?: Box) => void;
  onDelete: (q: Quote) => void;
  onMenu: (x: number, y: number) => void;
}

export function useReaderKeys(o: Options) {
  const caretAt = useRef<number | null>(null);
  const anchorAt = useRef<number | null>(null);
  /** The x a run of ↑/↓ moves aims for, so a short line on the way does not pull the caret left. */
  const goalX = useRef<number | null>(null);
  const [caret, setCaret] = useState<{ top: number; left: number; height: number } | null>(null);
  const focused = useRef(false);

  const rectAt = (offset: number): DOMRect | null => {
    const root = o.textRef.current;
    if (root) o.mount(offset, offset, true);
    const p = root ? offsetToDomPoint(root, offset) : null;
    if (!root || !p) return null;
    const r = root.ownerDocument.createRange();
    r.setStart(p.node, p.offset);
    r.setEnd(p.node, p.offset);
    return r.getClientRects()[0] ?? r.getBoundingClientRect();
  };

  const paint = () => {
    const at = caretAt.current;
    const r = at === null || !focused.current ? null : rectAt(at);
    if (!r) return setCaret(null);
    const b = o.boxOf(r);
    setCaret({ top: b.top, left: b.left, height: Math.max(16, b.bottom - b.top) });
  };

  /** Keeps the caret's line in sight. */
  const reveal = (offset: number) => {
    const pane = o.paneRef.current;
    const r = rectAt(offset);
    if (!pane || !r) return;
    const p = pane.getBoundingClientRect();
    if (r.top < p.top + 8) pane.scrollTop += r.top - p.top - 40;
    else if (r.bottom > p.bottom - 8) pane.scrollTop += r.bottom - p.bottom + 40;
  };

  const placeCaret = (offset: number) => {
    caretAt.current = offset;
    anchorAt.current = null;
    paint();
  };

  /** Puts the caret where a mouse click or drag ended, so the keyboard carries on from there. */
  const followSelection = (sel: Selection) => {
    const root = o.textRef.current;
    if (!root || !sel.focusNode) return;
    const at = domPointToOffset(root, sel.focusNode, sel.focusOffset);
    if (at === null) return;
    caretAt.current = at;
    anchorAt.current = sel.isCollapsed || !sel.anchorNode ? null : domPointToOffset(root, sel.anchorNode, sel.anchorOffset);
    paint();
  };

  /** The offset one line up or down from `at`, found by asking the layout what lies there. */
  const lineStep = (at: number, dir: -1 | 1): number => {
    const r = rectAt(at);
    if (!r) return at;
    const x = goalX.current ?? r.left;
    goalX.current = x;
    const root = o.textRef.current!;
    for (const k of [0.9, 1.4, 2, 2.8]) {
      const pos = textPositionAt(x + 1, r.top + r.height / 2 + dir * k * r.height);
      const off = pos ? domPointToOffset(root, pos.node, pos.offset) : null;
      if (off !== null && off !== at && (dir > 0 ? off > at : off < at)) return off;
    }
    return dir > 0 ? Math.min(o.text.length, at + 80) : Math.max(0, at - 80);
  };

  const lineEnd = (at: number, dir: -1 | 1): number => {
    const r = rectAt(at);
    const box = o.textRef.current?.getBoundingClientRect();
    if (!r || !box) return at;
    const pos = textPositionAt(dir < 0 ? box.left + 1 : box.right - 1, r.top + r.height / 2);
    const off = pos ? domPointToOffset(o.textRef.current!, pos.node, pos.offset) : null;
    return off ?? at;
  };

  /** The painted quote under the caret (the selected one when several overlap). */
  const quoteAtCaret = (): Quote | null => {
    const at = caretAt.current;
    if (at === null) return null;
    const here = o.quotes.filter((q) => paintable(q) && q.selectors[0].start <= at && at <= q.selectors[0].end);
    return here.find((q) => q.id === o.selected) ?? here[0] ?? (o.selected ? (o.quotes.find((q) => q.id === o.selected) ?? null) : null);
  };

  const select = () => {
    const root = o.textRef.current;
    const a = anchorAt.current;
    const c = caretAt.current;
    if (!root || a === null || c === null) return;
    const sel = currentSelection();
    o.mount(a, a, true);
    o.mount(c, c, true);
    const pa = offsetToDomPoint(root, a);
    const pc = offsetToDomPoint(root, c);
    if (!sel || !pa || !pc) return;
    sel.setBaseAndExtent(pa.node, pa.offset, pc.node, pc.offset);
    const range = offsetsToRange(root, Math.min(a, c), Math.max(a, c));
    const offsets = range ? rangeToOffsets(root, range, o.text) : null;
    o.onSelection(offsets, offsets && range ? o.boxOf(range.getBoundingClientRect()) : undefined);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== o.textRef.current) return;
    const at = caretAt.current ?? 0;
    const word = e.ctrlKey || (e.altKey && !['ArrowUp', 'ArrowDown'].includes(e.key));
    let next: number | null = null;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') next = stepCaret(o.text, at, e.key === 'ArrowLeft' ? -1 : 1, word ? 'word' : 'character');
    else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && e.altKey) {
      e.preventDefault();
      const q = neighbourQuote(o.quotes, at, e.key === 'ArrowDown' ? 1 : -1, o.selected);
      if (!q) return;
      A.select({ kind: 'quote', id: q.id });
      placeCaret(q.selectors[0].start);
      o.show(q.selectors[0].start, q.selectors[0].end, 'nearest');
      currentSelection()?.removeAllRanges();
      o.onSelection(null);
      paint();
      return;
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') next = lineStep(at, e.key === 'ArrowUp' ? -1 : 1);
    else if (e.key === 'Home' || e.key === 'End') next = e.ctrlKey ? (e.key === 'Home' ? 0 : o.text.length) : lineEnd(at, e.key === 'Home' ? -1 : 1);
    else if (e.key === 'Enter' || e.key === 'e' || e.key === 'E' || e.key === 'Delete' || e.key === 'Backspace') {
      if (anchorAt.current !== null && e.key !== 'Enter') return;
      const q = quoteAtCaret();
      if (!q) return;
      e.preventDefault();
      if (e.key === 'Enter') editQuote(q.id, null);
      else if (e.key === 'e' || e.key === 'E') editQuote(q.id, 'note');
      else o.onDelete(q);
      return;
    } else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      const r = rectAt(at);
      o.onMenu(r?.left ?? 0, r?.bottom ?? 0);
      return;
    } else if (e.key === 'Escape') {
      anchorAt.current = null;
      currentSelection()?.removeAllRanges();
      o.onSelection(null);
      return;
    }
    if (next === null) return;
    e.preventDefault();
    if (!(e.key === 'ArrowUp' || e.key === 'ArrowDown')) goalX.current = null;
    if (e.shiftKey) {
      anchorAt.current ??= at;
      caretAt.current = next;
      reveal(next);
      select();
    } else {
      if (anchorAt.current !== null) {
        currentSelection()?.removeAllRanges();
        o.onSelection(null);
      }
      anchorAt.current = null;
      caretAt.current = next;
      reveal(next);
    }
    paint();
  };

  const onFocus = () => {
    focused.current = true;
    if (caretAt.current === null) {
      // Start where the reader is looking: the first character at the top of the pane.
      const pane = o.paneRef.current?.getBoundingClientRect();
      const box = o.textRef.current?.getBoundingClientRect();
      const pos = pane && box ? textPositionAt(box.left + 2, Math.max(pane.top, box.top) + 12) : null;
      caretAt.current = (pos && o.textRef.current ? domPointToOffset(o.textRef.current, pos.node, pos.offset) : null) ?? 0;
    }
    paint();
  };
  const onBlur = () => {
    focused.current = false;
    setCaret(null);
  };

  return { caret, onKeyDown, onFocus, onBlur, placeCaret, followSelection, quoteAtCaret };
}
