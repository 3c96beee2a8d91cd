/**
 * Shared set-up for the undo history tests: an invented notebook (two articles,
 * quotes, tags, claims with subjects, links and a "not a conflict" decision), the
 * record snapshot that "the notebook is as it was" compares, the shard files
 * as bytes, and the check that one edit undoes and redoes exactly.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readWal, WAL_FILE } from '../../electron/storage/wal.ts';
import { openService, tempDir } from '../support/notebook.ts';

export const HARBOUR = [
  'Tidewater Harbour handles more dry bulk',
  '',
  'Tidewater Harbour moved about 41 million tonnes of dry bulk last year, the port authority said on Tuesday.',
  'Grain made up close to 30% of that volume, while coal fell to roughly 9 million tonnes.',
  'The authority expects the new berth at Corran Point to open in the spring, adding capacity for six more vessels.',
  'Dock workers said the night shifts were the busiest in a decade.',
].join('\n');

/** The harbour article as corrected: one word inside a quoted sentence changed, so that quote re-anchors fuzzily. */
export const HARBOUR_V2 = HARBOUR.replace('adding capacity for six more vessels', 'adding room for six more vessels');

export const ORCHARD = [
  'Orchards in the Merrow valley recover',
  '',
  'Apple growers in the Merrow valley picked almost 70% more fruit than in the frost year, a cooperative survey found.',
  'Pear yields stayed flat at about 12 tonnes per hectare.',
].join('\n');

export const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export type Nb = Awaited<ReturnType<typeof openService>> & { dir: string };

/** A service on a fresh notebook holding the invented base content. */
export async function baseNotebook(): Promise<Nb & { ids: Record<string, string> }> {
  const dir = tempDir('nb-history-');
  const nb = { ...(await openService(dir)), dir };
  const { call } = nb;
  const harbour = (await call('importFile', { fileName: 'harbour.md', dataBase64: b64(HARBOUR) })).source.id;
  const orchard = (await call('importFile', { fileName: 'orchard.txt', dataBase64: b64(ORCHARD) })).source.id;
  const berth = (await call('createQuote', { sourceId: harbour, exact: 'adding capacity for six more vessels', tags: ['energy/solar', 'ports'], note: 'the berth' })).id;
  const grain = (await call('createQuote', { sourceId: harbour, exact: 'Grain made up close to 30% of that volume', tags: ['energy'], color: 'green' })).id;
  const apples = (await call('createQuote', { sourceId: orchard, exact: 'picked almost 70% more fruit than in the frost year', tags: ['farming'] })).id;
  const c1 = (
    await call('createClaim', { statement: 'Grain was close to 30% of Tidewater bulk', subject: 'Tidewater — grain share', tags: ['energy'], evidence: [{ quoteId: grain, relation: 'supports' }] })
  ).id;
  const c2 = (await call('createClaim', { statement: 'Grain was about 45% of Tidewater bulk', subject: 'Tidewater — grain share', evidence: [{ quoteId: berth, relation: 'context' }] })).id;
  const c3 = (await call('createClaim', { statement: 'The new berth adds six vessels', note: 'check the spring date', status: 'supported' })).id;
  await call('linkClaims', { from: c3, to: c1, relation: 'refines' });
  await call('markConflict', { a: c1, b: c2, notConflict: true });
  await call('setTagColor', { name: 'energy', color: '#336699' });
  return { ...nb, ids: { harbour, orchard, berth, grain, apples, c1, c2, c3 } };
}

/** Every record of the notebook, ordered by id, as plain data: "the notebook is as it was". */
export function records(nb: Nb) {
  const m = nb.store.memory;
  const byId = <T extends { id: string }>(xs: Iterable<T>) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  return structuredClone({
    sources: byId(m.sources()),
    quotes: byId(m.quotes()),
    claims: byId(m.claims()),
    tags: [...m.tags()].sort((a, b) => (a.name < b.name ? -1 : 1)),
    trash: [...m.trashed()].sort((a, b) => (a.source.id < b.source.id ? -1 : 1)),
  });
}

/** The shard files (sources/, claims/, trash/, tags) as bytes, by path; texts are content-addressed and compared apart. */
export function shardFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, r)).isDirectory()) {
        if (r === 'sources' || r === 'claims' || r === 'trash') walk(r);
      } else if (rel || name === 'tags.json') out[r] = readFileSync(join(dir, r), 'utf8');
    }
  };
  walk('');
  return out;
}

export interface UndoCase {
  /** Run before the "before" state is taken (e.g. a new version whose anchors are then reviewed). */
  setup?: (nb: Nb, ids: Record<string, string>) => Promise<unknown>;
  edit: (nb: Nb, ids: Record<string, string>) => Promise<unknown>;
  label: string | RegExp;
}

/**
 * Applies `c.edit` to the base notebook, then checks: the undo label, undo as one
 * log entry giving the records and shard bytes back exactly, redo giving the
 * edited ones, and the undone notebook reopening as it was. Returns the shard
 * bytes before and after the edit for further checks.
 */
export async function expectExactUndo(c: UndoCase): Promise<{ beforeBytes: Record<string, string>; afterBytes: Record<string, string> }> {
  const nb = await baseNotebook();
  const { call, store, dir, ids } = nb;
  await c.setup?.(nb, ids);
  store.compact();
  const [before, beforeBytes] = [records(nb), shardFiles(dir)];
  await c.edit(nb, ids);
  const after = records(nb);
  expect(after).not.toEqual(before);
  store.compact();
  const afterBytes = shardFiles(dir);

  const state = await call('historyState', {});
  if (typeof c.label === 'string') expect(state.undo).toBe(c.label);
  else expect(state.undo).toMatch(c.label);
  expect(state.redo).toBeNull();

  const undone = await call('undo', {});
  expect(undone.label).toBe(state.undo);
  expect(undone.history).toMatchObject({ redo: state.undo });
  const wal = readWal(join(dir, WAL_FILE));
  expect(wal.ok && wal.entries.length).toBe(1); // one commit, one log entry
  expect(records(nb)).toEqual(before);
  store.compact();
  expect(shardFiles(dir)).toEqual(beforeBytes);

  expect((await call('redo', {})).label).toBe(state.undo);
  expect(records(nb)).toEqual(after);
  store.compact();
  expect(shardFiles(dir)).toEqual(afterBytes);

  await call('undo', {});
  await nb.close();
  expect(shardFiles(dir)).toEqual(beforeBytes);
  const reopened = { ...(await openService(dir)), dir };
  expect(records(reopened)).toEqual(before);
  await reopened.close();
  return { beforeBytes, afterBytes };
}
