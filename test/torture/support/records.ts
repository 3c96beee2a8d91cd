/**
 * What the torture and soak scripts compare: a notebook as a map from record key
 * ("quote:q_…", "tag:ports", "trash:s_…") to the record's canonical JSON, the same
 * map kept by the parent from acknowledged change sets, and the judgement of a
 * reopened notebook against it (an unacknowledged commit in flight may have landed
 * whole or not at all; anything else is a difference).
 */
import { createHash } from 'node:crypto';
import type { Change, TrashView } from '../../../shared/model/view.ts';

export type Snapshot = Map<string, string>;

/** JSON with object keys sorted and undefined fields dropped: equal records give equal strings however they were built. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** The key a change puts or deletes. */
export function keyOf(c: Change): string {
  switch (c.kind) {
    case 'tag':
      return `tag:${c.op === 'put' ? c.record.name : c.name}`;
    case 'trash':
      return `trash:${c.op === 'put' ? c.record.source.id : c.id}`;
    default:
      return `${c.kind}:${c.op === 'put' ? c.record.id : c.id}`;
  }
}

/** Applies acknowledged changes to the parent's model, in order. */
export function applyChanges(model: Snapshot, changes: readonly Change[]): void {
  for (const c of changes) {
    if (c.op === 'put') model.set(keyOf(c), canonical(c.record));
    else model.delete(keyOf(c));
  }
}

/** Every record of a notebook (the store's memory after a reopen), keyed. */
export function snapshotOf(view: TrashView): Snapshot {
  const out: Snapshot = new Map();
  for (const s of view.sources()) out.set(`source:${s.id}`, canonical(s));
  for (const q of view.quotes()) out.set(`quote:${q.id}`, canonical(q));
  for (const c of view.claims()) out.set(`claim:${c.id}`, canonical(c));
  for (const t of view.tags()) out.set(`tag:${t.name}`, canonical(t));
  for (const e of view.trashed()) out.set(`trash:${e.source.id}`, canonical(e));
  return out;
}

/** One hash of a whole snapshot (order-independent): lets the writer report what it holds in one short line. */
export function digestOf(snapshot: Snapshot): string {
  const h = createHash('sha256');
  for (const k of [...snapshot.keys()].sort()) h.update(`${k}\n${snapshot.get(k)}\n`);
  return h.digest('hex');
}

export interface Differences {
  /** Expected and absent: an acknowledged write lost. */
  missing: string[];
  /** Present with other content than expected. */
  changed: string[];
  /** Present and never acknowledged (nor in flight). */
  extra: string[];
}

export const total = (d: Differences): number => d.missing.length + d.changed.length + d.extra.length;

export function compare(expected: Snapshot, actual: Snapshot): Differences {
  const d: Differences = { missing: [], changed: [], extra: [] };
  for (const [k, v] of expected) {
    const a = actual.get(k);
    if (a === undefined) d.missing.push(k);
    else if (a !== v) d.changed.push(k);
  }
  for (const k of actual.keys()) if (!expected.has(k)) d.extra.push(k);
  return d;
}

export interface Judgement {
  /** Whether the commit in flight at the kill landed (null: none was in flight, or neither outcome matches). */
  landed: boolean | null;
  differences: Differences;
}

/**
 * Judges a reopened notebook against the model. With a commit in flight (announced,
 * never acknowledged), exactly two outcomes are accepted: the model as it is, or the
 * model with that whole commit applied. Otherwise the nearer outcome's differences
 * are reported. Does not change `model`.
 */
export function judge(model: Snapshot, actual: Snapshot, inFlight: readonly Change[] | null): Judgement {
  const without = compare(model, actual);
  if (!inFlight || total(without) === 0) return { landed: inFlight ? false : null, differences: without };
  const after = new Map(model);
  applyChanges(after, inFlight);
  const withIt = compare(after, actual);
  if (total(withIt) === 0) return { landed: true, differences: withIt };
  return { landed: null, differences: total(withIt) < total(without) ? withIt : without };
}
