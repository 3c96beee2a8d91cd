/**
 * The parts of the torture and soak scripts that decide "lost", "different" and
 * "corrupt" (support/records.ts, support/session.ts): each is shown to catch what it
 * is there to catch, so the scripts cannot pass by checking nothing.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotebookStore } from '../../electron/storage/store.ts';
import type { Change } from '../../shared/model/view.ts';
import { ROOT, tempDir } from '../support/notebook.ts';
import { bundleChild } from './support/bundle.ts';
import { applyChanges, canonical, compare, digestOf, judge, keyOf, snapshotOf, total } from './support/records.ts';
import type { Snapshot } from './support/records.ts';
import { reopenAndCheck, runSession } from './support/session.ts';

const tag = (name: string, color?: string) => ({ kind: 'tag', op: 'put', record: { name, ...(color ? { color } : {}) } }) as unknown as Change;
const untag = (name: string) => ({ kind: 'tag', op: 'delete', name }) as Change;

describe('comparing a notebook with the model', () => {
  it('canonical JSON ignores key order and undefined fields but not values', () => {
    expect(canonical({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe(canonical({ a: [1, { d: 2 }], b: 1 }));
    expect(canonical({ a: 1 })).not.toBe(canonical({ a: 2 }));
    expect(canonical({ a: null })).not.toBe(canonical({}));
  });

  it('keys records by kind and id (tags by name, trash by source id)', () => {
    expect(keyOf(tag('ports'))).toBe('tag:ports');
    expect(keyOf({ kind: 'trash', op: 'delete', id: 's_1' } as unknown as Change)).toBe('trash:s_1');
    expect(keyOf({ kind: 'quote', op: 'delete', id: 'q_1', sourceId: 's_1' } as unknown as Change)).toBe('quote:q_1');
  });

  it('finds a missing record, a changed field and an extra record', () => {
    const model: Snapshot = new Map();
    applyChanges(model, [tag('a'), tag('b', 'red'), tag('c')]);
    const actual: Snapshot = new Map(model);
    actual.delete('tag:a');
    actual.set('tag:b', canonical({ name: 'b', color: 'blue' }));
    actual.set('tag:z', canonical({ name: 'z' }));
    expect(compare(model, actual)).toEqual({ missing: ['tag:a'], changed: ['tag:b'], extra: ['tag:z'] });
    expect(compare(model, new Map(model))).toEqual({ missing: [], changed: [], extra: [] });
    // The one-line digest the writer reports at a clean close tells the same three apart.
    expect(digestOf(new Map([...model].reverse()))).toBe(digestOf(model));
    for (const other of [actual, new Map([...model].slice(1)), new Map([...model, ['tag:z', canonical({ name: 'z' })]])]) expect(digestOf(other)).not.toBe(digestOf(model));
  });

  it('accepts a commit in flight landed whole or not at all, and nothing in between', () => {
    const model: Snapshot = new Map();
    applyChanges(model, [tag('a'), tag('b')]);
    const inFlight = [untag('a'), tag('c')];
    const landed = new Map(model);
    applyChanges(landed, inFlight);
    expect(judge(model, new Map(model), inFlight)).toMatchObject({ landed: false, differences: { missing: [], changed: [], extra: [] } });
    expect(judge(model, landed, inFlight)).toMatchObject({ landed: true, differences: { missing: [], changed: [], extra: [] } });
    const half = new Map(model);
    applyChanges(half, [tag('c')]); // the new tag without the delete beside it
    const j = judge(model, half, inFlight);
    expect(j.landed).toBeNull();
    expect(total(j.differences)).toBe(1);
    // Without a commit in flight, the same extra record is a difference.
    expect(judge(model, half, null).differences.extra).toEqual(['tag:c']);
    expect(model.size).toBe(2); // judging never changes the model
  });
});

describe('a writer session and the reopen check, on a real notebook', () => {
  let bundle = '';
  const dirs: string[] = [];
  beforeAll(async () => {
    bundle = await bundleChild(ROOT);
  }, 60_000);
  afterAll(() => {
    rmSync(bundle, { force: true });
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function session(ops: number, kill: boolean) {
    const dir = tempDir('nb-torture-test-');
    dirs.push(dir);
    const model: Snapshot = new Map();
    const s = await runSession(bundle, { dir, seed: 7, ops }, kill ? { afterAcks: 10 } : null, model);
    return { dir, model, s };
  }

  it('folds every acknowledged commit into the model, which then matches the reopened notebook exactly', async () => {
    const { dir, model, s } = await session(40, false);
    expect(s.killed).toBe(false);
    expect(s.ops).toBe(40);
    expect(s.acks).toBeGreaterThan(2);
    expect(s.memoryMatched).toBe(true);
    const store = await NotebookStore.open(dir, { write: 'never' });
    expect(snapshotOf(store.memory)).toEqual(model);
    await store.close();
    const check = await reopenAndCheck(dir, model, null, 'never');
    expect(check).toMatchObject({ corrupt: null, landed: null, badTexts: [], differences: { missing: [], changed: [], extra: [] } });
    expect(check.records).toBe(model.size);
  }, 60_000);

  it('kills the writer at the ack count, and the check still finds a record the notebook lacks or has extra', async () => {
    const { dir, model, s } = await session(10_000, true);
    expect(s.killed).toBe(true);
    expect(s.acks).toBeGreaterThanOrEqual(10);
    expect(s.ops).toBeLessThan(10_000);
    expect(s.memoryMatched).toBeNull();
    const ok = await reopenAndCheck(dir, model, s.inFlight, 'never');
    expect(total(ok.differences)).toBe(0);
    const [someKey, someValue] = [...model][0]!;
    const lacking = new Map(model);
    lacking.set('tag:never-written', canonical({ name: 'never-written' }));
    expect((await reopenAndCheck(dir, lacking, null, 'never')).differences.missing).toEqual(['tag:never-written']);
    const fewer = new Map(model);
    fewer.delete(someKey);
    expect((await reopenAndCheck(dir, fewer, null, 'never')).differences.extra).toEqual([someKey]);
    const other = new Map(model);
    other.set(someKey, someValue.replace(/"$|}$/, ',"x":1}'));
    expect((await reopenAndCheck(dir, other, null, 'never')).differences.changed).toEqual([someKey]);
  }, 60_000);

  it('counts a notebook that no longer opens cleanly as corrupt', async () => {
    const { dir, model } = await session(40, false);
    const shard = readdirSync(join(dir, 'sources'))[0]!;
    writeFileSync(join(dir, 'sources', shard), '{ torn');
    const check = await reopenAndCheck(dir, model, null, 'never');
    expect(check.corrupt).toMatch(/open failed|reported on open/);
  }, 60_000);
});
