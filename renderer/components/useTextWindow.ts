/**
 * Windowed rendering of the Reader's text: which blocks (reader/blocks.ts) are in
 * the DOM. Those overlapping the visible part of the pane with a screen of
 * overscan on each side, plus pinned ones: the blocks of an active selection (so
 * a drag that scrolls far away still has both ends) and of a jump or caret move
 * that goes where nothing is rendered yet. Unrendered blocks are spacers of their
 * estimated height (lines wrapped at the measured characters per line), replaced
 * by the measured height once a block has been on screen; the browser's scroll
 * anchoring keeps what is visible in place when a spacer above it changes.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { flushSync } from 'react-dom';
import { blockAt, blockAtY, estimateHeights, prefixTops, renderRuns, splitBlocks } from '../reader/blocks.ts';
import type { Blocks } from '../reader/blocks.ts';

export interface TextWindow {
  blocks: Blocks;
  /** Sorted runs [first, last] of rendered blocks. */
  runs: [number, number][];
  /** The height of the blocks [a, b) as laid out (measured or estimated). */
  heightOf(a: number, b: number): number;
  /** True when every block of [start, end] is rendered; otherwise has them rendered (now when `sync`, else on the next render). */
  mount(start: number, end: number, sync?: boolean): boolean;
  /** Keeps the blocks holding these offsets rendered (a selection's ends); [] releases them. */
  pinSelection(offsets: number[]): void;
  onScroll(): void;
}

/** How far beyond the visible part blocks are rendered, in screens, and how close the edge may come before the window moves. */
const OVERSCAN = 1;
const MARGIN = 0.3;
/** How many places asked for by `mount` stay rendered. */
const KEEP_MOUNTED = 4;
/** Before the pane is measured: render this many characters. */
const FIRST_CHARS = 12_000;

export function useTextWindow(text: string, paneRef: RefObject<HTMLDivElement | null>, textRef: RefObject<HTMLDivElement | null>): TextWindow {
  const blocks = useMemo(() => splitBlocks(text), [text]);
  const [metrics, setMetrics] = useState<{ cpl: number; line: number; width: number } | null>(null);
  const est = useMemo(() => (metrics ? estimateHeights(text, blocks, metrics.cpl, metrics.line) : null), [text, blocks, metrics]);
  // Measured heights (0: not measured yet) and the ratio measured ÷ estimated so far, applied to the rest.
  const measured = useRef<{ for: Float64Array | null; h: Float64Array; sumM: number; sumE: number }>({ for: null, h: new Float64Array(0), sumM: 0, sumE: 0 });
  if (measured.current.for !== est) measured.current = { for: est, h: new Float64Array(blocks.starts.length), sumM: 0, sumE: 0 };
  const [version, setVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured heights live in a ref; `version` is bumped when they change
  const tops = useMemo(() => {
    const m = measured.current;
    if (!est) return null;
    const ratio = m.sumE > 0 ? m.sumM / m.sumE : 1;
    const h = new Float64Array(est.length);
    for (let i = 0; i < est.length; i++) h[i] = m.h[i]! || est[i]! * ratio;
    return prefixTops(h);
    // version: recomputed after each measurement
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [est, version]);

  const [win, setWin] = useState<[number, number]>(() => [0, blockAt(blocks, FIRST_CHARS)]);
  const [selPins, setSelPins] = useState<number[]>([]);
  const [jumpPins, setJumpPins] = useState<[number, number][]>([]);
  // A new text starts at its top.
  const lastBlocks = useRef(blocks);
  if (lastBlocks.current !== blocks) {
    lastBlocks.current = blocks;
    setWin([0, blockAt(blocks, FIRST_CHARS)]);
    setSelPins([]);
    setJumpPins([]);
  }

  const runs = useMemo(() => {
    const pins = [...selPins];
    for (const [a, b] of jumpPins) for (let i = a; i <= b; i++) pins.push(i);
    return renderRuns(win, pins, blocks.starts.length);
  }, [win, selPins, jumpPins, blocks]);

  /** The window of blocks the pane's current scroll position needs, with `extra` screens on each side. */
  const bandAt = useCallback(
    (extra: number): [number, number] | null => {
      const pane = paneRef.current;
      const root = textRef.current;
      if (!pane || !root || !tops) return null;
      const y = pane.scrollTop - root.offsetTop;
      const h = pane.clientHeight;
      return [blockAtY(tops, y - extra * h), blockAtY(tops, y + h + extra * h)];
    },
    [paneRef, textRef, tops],
  );

  const onScroll = useCallback(() => {
    const need = bandAt(MARGIN);
    if (!need) return;
    setWin((cur) => (need[0] >= cur[0] && need[1] <= cur[1] ? cur : (bandAt(OVERSCAN) ?? cur)));
  }, [bandAt]);

  // Measure the line height and the characters per line; again when the column's width changes.
  useLayoutEffect(() => {
    const root = textRef.current;
    if (!root) return;
    const measure = () => {
      const width = root.clientWidth;
      if (width === 0 || metrics?.width === width) return;
      const probe = root.ownerDocument.createElement('span');
      probe.textContent = 'the share of output rose by about 42 percent, officials said. ';
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
      root.appendChild(probe);
      const perChar = probe.getBoundingClientRect().width / probe.textContent.length;
      probe.remove();
      const line = parseFloat(getComputedStyle(root).lineHeight) || 28;
      setMetrics({ cpl: Math.floor(width / Math.max(1, perChar)), line, width });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, [textRef, metrics]);

  // After each render: measure the rendered blocks; if any differs from what was assumed, lay out again.
  useLayoutEffect(() => {
    const root = textRef.current;
    const m = measured.current;
    if (!root || !est || !tops) return;
    let changed = false;
    for (const el of root.querySelectorAll<HTMLElement>(':scope > [data-block]')) {
      const i = Number(el.dataset.block);
      const h = el.getBoundingClientRect().height;
      if (h <= 0 || Math.abs(h - (tops[i + 1]! - tops[i]!)) < 0.5) {
        if (!m.h[i] && h > 0) {
          m.h[i] = h;
          m.sumM += h;
          m.sumE += est[i]!;
        }
        continue;
      }
      if (m.h[i]) m.sumM -= m.h[i]!;
      else m.sumE += est[i]!;
      m.h[i] = h;
      m.sumM += h;
      changed = true;
    }
    if (changed) setVersion((v) => v + 1);
    else onScroll();
  });

  const mount = useCallback(
    (start: number, end: number, sync = false) => {
      const a = blockAt(blocks, start);
      const b = blockAt(blocks, Math.max(start, end - 1));
      if (runs.some(([f, l]) => f <= a && b <= l)) return true;
      // The last few places asked for stay rendered (a keyboard selection needs both of its ends).
      const add = (cur: [number, number][]) => [...cur.slice(-(KEEP_MOUNTED - 1)), [a, Math.min(b, a + 200)] as [number, number]];
      if (sync) flushSync(() => setJumpPins(add));
      else setJumpPins(add);
      return false;
    },
    [blocks, runs],
  );

  const pinSelection = useCallback(
    (offsets: number[]) => {
      const next = [...new Set(offsets.map((o) => blockAt(blocks, o)))].sort((x, y) => x - y);
      setSelPins((cur) => (cur.length === next.length && cur.every((v, i) => v === next[i]) ? cur : next));
    },
    [blocks],
  );

  const heightOf = useCallback((a: number, b: number) => (tops ? tops[b]! - tops[a]! : 0), [tops]);

  return { blocks, runs, heightOf, mount, pinSelection, onScroll };
}
