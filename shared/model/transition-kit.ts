/**
 * What every transition module shares: the Outcome a transition returns (a value
 * and the record changes to persist), tag records made on first use, and a patch
 * without its unset fields.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { tagAncestors, tagNameFor } from './tags.ts';
import type { Change, NotebookView, TransitionContext } from './view.ts';

export type Outcome<T> = Result<{ value: T; changes: Change[] }>;
export const done = <T>(value: T, changes: Change[]): Outcome<T> => ok({ value, changes });

const TAG_COLORS = ['#e8a33d', '#4f9d69', '#3f7cc0', '#c2577a', '#8a63c8', '#d06b3a', '#3aa3a3', '#7d8b3a'];
/** A stable default color per tag name, so the same tag looks the same on every machine. */
export function defaultTagColor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return TAG_COLORS[h % TAG_COLORS.length]!;
}

/** Normalizes tag names and creates records for new tags (and their ancestors). */
export function useTags(view: NotebookView, raw: readonly string[], ctx: TransitionContext): Result<{ names: string[]; changes: Change[] }> {
  const names: string[] = [];
  const changes: Change[] = [];
  const created = new Set<string>();
  for (const r of raw) {
    const n = tagNameFor(view, r);
    if (!n.ok) return err('invalid_argument', n.error);
    if (!names.includes(n.name)) names.push(n.name);
    for (const name of [...tagAncestors(n.name), n.name]) {
      if (view.getTag(name) || created.has(name)) continue;
      created.add(name);
      changes.push({ kind: 'tag', op: 'put', record: { name, color: defaultTagColor(name), createdAt: ctx.now } });
    }
  }
  return ok({ names, changes });
}

export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
