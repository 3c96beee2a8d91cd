/**
 * A windowed list: of a long list (the Library's sources, a source's annotations
 * or suggested figures) only the rows near the visible part of its scrolling
 * ancestor are rendered; spacers stand in for the rest at their height (measured
 * once a row has been shown, else the average of those measured). `reveal(i)`
 * brings row i into the DOM and into view, for keyboard moves and "show the
 * selected one". Rows carry `data-row` (their index) so they can be measured.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { blockAtY } from '../reader/blocks.ts';

export interface ListWindow {
  first: number;
  last: number;
  /** Heights of the spacers before the first and after the last rendered row (already less the list's gap). */
  before: number;
  after: number;
  /** Renders row i and scrolls it into view, then hands it to `then` (at once when it is rendered already, else after the render). */
  reveal(i: number, then?: (row: HTMLElement) => void): void;
}

/**
 * Lists this short are rendered whole: windowing pays only for long lists, and a
 * whole list keeps every row reachable by Tab, by a screen reader and by find-in-page
 * (a source's dozen suggested figures, a small library).
 */
export const WINDOW_FROM = 200;

/** Rows rendered before anything is measured, and the overscan in screens. */
const FIRST_ROWS = 30;
const OVERSCAN = 1;
const MARGIN = 0.3;

export function useListWindow(count: number, keyOf: (i: number) => string, listRef: RefObject<HTMLElement | null>, guess: number): ListWindow {
  const heights = useRef(new Map<string, number>());
  const [version, setVersion] = useState(0);
  const [win, setWin] = useState<[number, number]>([0, Math.min(count, FIRST_ROWS) - 1]);
  const gap = useRef(0);
  const scroller = useRef<HTMLElement | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: heights live in a ref; `version` and the inputs listed are what make them worth re-reading
  const tops = useMemo(() => {
    const known = [...heights.current.values()];
    const avg = known.length ? known.reduce((a, b) => a + b, 0) / known.length : guess;
    const t = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) t[i + 1] = t[i]! + (heights.current.get(keyOf(i)) ?? avg);
    return t;
    // keyOf changes with the list; version after each measurement
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count, keyOf, version, guess]);

  /** The rows overlapping the visible part of the scroller, with `extra` screens on each side. */
  const band = useCallback(
    (extra: number): [number, number] | null => {
      const list = listRef.current;
      const scroll = scroller.current;
      if (!list || !scroll || count === 0) return null;
      const y = scroll.getBoundingClientRect().top - list.getBoundingClientRect().top;
      const h = scroll.clientHeight;
      return [blockAtY(tops, y - extra * h), Math.min(count - 1, blockAtY(tops, y + h + extra * h))];
    },
    [listRef, tops, count],
  );

  const update = useCallback(() => {
    const need = band(MARGIN);
    if (!need) return;
    // Move when the visible rows near an edge of the window, or when the window is far larger than needed.
    setWin((cur) => (need[0] >= cur[0] && need[1] <= cur[1] && cur[1] - cur[0] <= 4 * (need[1] - need[0] + 10) ? cur : (band(OVERSCAN) ?? cur)));
  }, [band]);

  // Follow the nearest scrolling ancestor.
  useEffect(() => {
    let el = listRef.current?.parentElement ?? null;
    while (el && !/(auto|scroll)/.test(getComputedStyle(el).overflowY)) el = el.parentElement;
    scroller.current = el;
    if (!el) return;
    gap.current = parseFloat(getComputedStyle(listRef.current!).rowGap) || 0;
    el.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      el.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [listRef, update]);

  const whole = count < WINDOW_FROM;
  const first = whole ? 0 : Math.max(0, Math.min(win[0], count - 1));
  const last = whole ? count - 1 : Math.max(-1, Math.min(win[1], count - 1));

  // A row asked for by reveal() is scrolled to before the window is checked against the scroll position.
  const revealing = useRef<{ i: number; then?: (row: HTMLElement) => void } | null>(null);
  const showRow = useCallback(
    (i: number, then?: (row: HTMLElement) => void) => {
      const row = listRef.current?.querySelector<HTMLElement>(`:scope > [data-row="${i}"]`);
      if (!row) return false;
      row.scrollIntoView({ block: 'nearest' });
      then?.(row);
      return true;
    },
    [listRef],
  );
  const reveal = useCallback(
    (i: number, then?: (row: HTMLElement) => void) => {
      if (i < 0 || i >= count) return;
      if (i >= first && i <= last && showRow(i, then)) return;
      revealing.current = { i, then };
      setWin([Math.max(0, i - FIRST_ROWS / 2), Math.min(count - 1, i + FIRST_ROWS / 2)]);
    },
    [count, first, last, showRow],
  );
  useLayoutEffect(() => {
    const r = revealing.current;
    if (r && showRow(r.i, r.then)) revealing.current = null;
  });

  // After each render: measure the rendered rows (each with the gap after it), then check the window still fits.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    let changed = false;
    for (const el of list.querySelectorAll<HTMLElement>(':scope > [data-row]')) {
      const i = Number(el.dataset.row);
      const h = el.getBoundingClientRect().height + gap.current;
      const key = keyOf(i);
      if (Math.abs((heights.current.get(key) ?? -1) - h) > 0.5) {
        heights.current.set(key, h);
        changed = true;
      }
    }
    if (changed) setVersion((v) => v + 1);
    else if (!whole) update();
  });

  return {
    first,
    last,
    before: count && !whole ? Math.max(0, tops[first]! - gap.current) : 0,
    after: count && !whole ? Math.max(0, tops[count]! - tops[last + 1]! - gap.current) : 0,
    reveal,
  };
}
