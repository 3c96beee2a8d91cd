/**
 * Re-anchoring every quote of a source on a new version of it.
 *
 * Besides sharing one anchorer, this knows both versions, so it can tell each
 * quote where to look: a quote inside the unchanged head keeps its offset, one
 * inside the unchanged tail moves by the change in length. That hint steers the
 * local searches of anchor.ts; it never decides a status by itself. The old text
 * also goes along (units.ts): it tells a kept sentence from the deleted quote it
 * resembles.
 */
import { createAnchorer } from './anchor.ts';
import type { AnchorResult, AnchorStatus, Selectors } from './types.ts';
import { PreviousVersion } from './units.ts';

export interface QuoteToReanchor {
  id: string;
  selectors: Selectors;
}

export interface ReanchorReport {
  results: Map<string, AnchorResult>;
  counts: Record<AnchorStatus, number>;
}

export function reanchorAll(oldText: string, newText: string, quotes: readonly QuoteToReanchor[]): ReanchorReport {
  const shortest = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < shortest && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shortest - head && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) {
    tail++;
  }
  const shift = newText.length - oldText.length;
  const anchorer = createAnchorer(newText);
  // Indexed lazily, on the first quote that needs it.
  const previous = new PreviousVersion(oldText);
  const results = new Map<string, AnchorResult>();
  const counts: Record<AnchorStatus, number> = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const { id, selectors } of quotes) {
    const start = selectors[0].start;
    // Inside the changed middle there is no better guess than the old offset.
    const inTail = start >= head && start >= oldText.length - tail;
    const result = anchorer.anchor(selectors, { hint: inTail ? start + shift : start, previous });
    results.set(id, result);
    counts[result.status]++;
  }
  return { results, counts };
}
