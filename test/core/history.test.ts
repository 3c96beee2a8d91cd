/**
 * Undo and redo in the service: every kind of edit, applied then undone, leaves
 * the notebook's records deep-equal and its shard files byte-identical to before;
 * redo gives the edited state again; an undo is one log entry; labels are in the
 * user's words. Also the case that broke the renderer's compensating undo: a quote
 * that drifted to a fuzzy anchor, deleted and undone, comes back as it was.
 */
import { describe, expect, it } from 'vitest';
import { openService, tempDir } from '../support/notebook.ts';
import { b64, baseNotebook, expectExactUndo, HARBOUR_V2, ORCHARD, records, shardFiles } from './history-support.ts';
import type { Nb, UndoCase } from './history-support.ts';

type Ids = Record<string, string>;
type Case = UndoCase & { name: string };

const newVersion = async ({ call }: Nb, ids: Ids) => call('importFile', { fileName: 'harbour.md', dataBase64: b64(HARBOUR_V2), newVersionOf: ids.harbour });
const suggestion = async ({ call }: Nb, ids: Ids, raw: RegExp) => {
  const list = await call('listSuggestions', { sourceId: ids.orchard });
  const s = list.find((x: { figure: { raw: string } }) => raw.test(x.figure.raw));
  if (!s) throw new Error(`no suggestion ${raw} among ${list.map((x: { figure: { raw: string } }) => x.figure.raw).join(', ')}`);
  return s.key as string;
};

const CASES: Case[] = [
  {
    name: 'import a file',
    edit: ({ call }) => call('importFile', { fileName: 'notes.txt', dataBase64: b64('Ferry notes\n\nThe ferry ran 14 crossings a day in August.') }),
    label: 'import of “Ferry notes”',
  },
  {
    name: 'import several files at once',
    edit: ({ call }) =>
      call('importFiles', {
        files: [
          { fileName: 'a.txt', dataBase64: b64('Lock notes\n\nThe lock opened 6 times on Sunday.') },
          { fileName: 'b.txt', dataBase64: b64('Weir notes\n\nThe weir gauge read 2.4 metres at noon.') },
          { fileName: 'c.txt', dataBase64: b64('Quay notes\n\nTwo cranes stood idle for a week.') },
        ],
      }),
    label: 'import of 3 files',
  },
  { name: 'import pasted text', edit: ({ call }) => call('importText', { text: 'Buoys were replaced along the channel in May.', title: 'Buoy log' }), label: 'import of “Buoy log”' },
  { name: 'import a new version of a source', edit: newVersion, label: 'new version of “Harbour”' },
  {
    name: 'edit source details',
    edit: ({ call }, ids) => call('updateSource', { id: ids.harbour, patch: { title: 'Harbour bulk', authors: ['R. Quill'], published: '2024-03-02' } }),
    label: 'edit details of “Harbour”',
  },
  { name: 'delete a source', edit: ({ call }, ids) => call('deleteSource', { id: ids.harbour }), label: 'delete source “Harbour” and its 2 quotes' },
  {
    name: 'create a quote',
    edit: ({ call }, ids) => call('createQuote', { sourceId: ids.harbour, exact: 'the night shifts were the busiest in a decade', tags: ['labour'] }),
    label: 'quote “the night shifts were the busiest in a decade”',
  },
  {
    name: 'edit a quote',
    edit: ({ call }, ids) => call('updateQuote', { id: ids.berth, patch: { color: 'pink', note: 'spring?', tags: ['ports'] } }),
    label: 'edit quote “adding capacity for six more vessels”',
  },
  { name: 'delete a quote', edit: ({ call }, ids) => call('deleteQuote', { id: ids.grain }), label: 'delete quote “Grain made up close to 30% of that volume”' },
  { name: 'rename a tag', edit: ({ call }) => call('renameTag', { from: 'energy', to: 'power' }), label: 'rename tag energy → power' },
  { name: 'merge tags', edit: ({ call }) => call('mergeTags', { from: 'energy/solar', into: 'ports' }), label: 'merge tag energy/solar into ports' },
  { name: 'set a tag color', edit: ({ call }) => call('setTagColor', { name: 'ports', color: '#aa3300' }), label: 'color tag ports #aa3300' },
  {
    name: 'create a claim',
    edit: ({ call }, ids) => call('createClaim', { statement: 'Coal fell to roughly 9 million tonnes', evidence: [{ quoteId: ids.grain, relation: 'context' }] }),
    label: 'create claim “Coal fell to roughly 9 million tonnes”',
  },
  { name: 'edit a claim', edit: ({ call }, ids) => call('updateClaim', { id: ids.c1, patch: { status: 'disputed' } }), label: 'mark claim “Grain was close to 30% of Tidewater bulk” disputed' },
  {
    name: 'set a claim figure',
    edit: ({ call }, ids) => call('updateClaim', { id: ids.c3, patch: { quantityText: 'about 6' } }),
    label: /^set figure of claim “The new berth adds six vessels” to about 6$/,
  },
  { name: 'delete a claim', edit: ({ call }, ids) => call('deleteClaim', { id: ids.c1 }), label: 'delete claim “Grain was close to 30% of Tidewater bulk”' },
  {
    name: 'link evidence',
    edit: ({ call }, ids) => call('linkEvidence', { claimId: ids.c3, quoteId: ids.berth, relation: 'supports' }),
    label: /^link quote “adding capacity.*” to claim “The new berth.*” \(supports\)$/,
  },
  { name: 'unlink evidence', edit: ({ call }, ids) => call('unlinkEvidence', { claimId: ids.c1, quoteId: ids.grain }), label: /^unlink quote “Grain made up.*” from claim/ },
  {
    name: 'link claims',
    edit: ({ call }, ids) => call('linkClaims', { from: ids.c2, to: ids.c1, relation: 'contradicts' }),
    label: /^link claim “Grain was about 45%.*” contradicts “Grain was close/,
  },
  { name: 'unlink claims', edit: ({ call }, ids) => call('unlinkClaims', { from: ids.c3, to: ids.c1 }), label: /^unlink claim “The new berth/ },
  {
    name: 'accept a drifted anchor',
    setup: newVersion,
    edit: ({ call }, ids) => call('reviewAnchor', { quoteId: ids.berth, action: 'accept' }),
    label: 'accept the new text of quote “adding capacity for six more vessels”',
  },
  { name: 'pin a drifted anchor', setup: newVersion, edit: ({ call }, ids) => call('reviewAnchor', { quoteId: ids.berth, action: 'pin' }), label: /^pin quote “adding capacity/ },
  {
    name: 're-select a drifted anchor',
    setup: newVersion,
    edit: ({ call }, ids) => call('reviewAnchor', { quoteId: ids.berth, action: 'reselect', exact: 'adding room for six more vessels' }),
    label: /^re-select quote “adding capacity/,
  },
  {
    name: 'accept a suggested figure',
    edit: async (nb, ids) => nb.call('decideSuggestion', { sourceId: ids.orchard, key: await suggestion(nb, ids, /12 tonnes/), action: 'accept' }),
    label: /^accept suggested figure about 12 tonnes/,
  },
  {
    name: 'dismiss a suggested figure',
    edit: async (nb, ids) => nb.call('decideSuggestion', { sourceId: ids.orchard, key: await suggestion(nb, ids, /12 tonnes/), action: 'dismiss' }),
    label: /^dismiss suggested figure about 12 tonnes/,
  },
  {
    name: 'dismiss every suggested figure of a source at once',
    edit: async (nb, ids) => nb.call('dismissSuggestions', { sourceId: ids.orchard, keys: (await nb.call('listSuggestions', { sourceId: ids.orchard })).map((s: { key: string }) => s.key) }),
    label: /^dismiss [2-9]\d* suggested figures of “.+”$/,
  },
  {
    name: 'mark a conflict again',
    edit: ({ call }, ids) => call('markConflict', { a: ids.c1, b: ids.c2, notConflict: false }),
    label: /^mark “Grain was close.*” and “Grain was about.*” as a conflict again$/,
  },
];

describe('undo and redo in the service', () => {
  for (const c of CASES) {
    it(`${c.name}: undo restores the records and shard bytes exactly, redo re-applies`, async () => {
      await expectExactUndo(c);
    });
  }

  it('undoes loading the sample as one step, back to an empty notebook', async () => {
    const dir = tempDir('nb-history-');
    const nb = { ...(await openService(dir)), dir };
    await nb.store.putText('an unrelated text, so the notebook folder exists');
    const before = records(nb);
    const loaded = await nb.call('loadSample', {});
    expect(nb.store.memory.counts.sources).toBe(loaded.sources);
    expect((await nb.call('historyState', {})).undo).toBe('loading the sample notebook');
    expect((await nb.call('undo', {})).label).toBe('loading the sample notebook');
    expect(records(nb)).toEqual(before);
    expect(await nb.call('historyState', {})).toEqual({ undo: null, redo: 'loading the sample notebook' });
    await nb.call('redo', {});
    expect(nb.store.memory.counts).toMatchObject({ sources: loaded.sources, quotes: loaded.quotes, claims: loaded.claims });
    await nb.call('undo', {});
    await nb.close();
    expect(shardFiles(dir)).toEqual({});
  });

  it('says when there is nothing to undo or redo, and a new edit clears redo', async () => {
    const dir = tempDir('nb-history-');
    const nb = await openService(dir);
    expect(await nb.call('undo', {})).toEqual({ label: null, history: { undo: null, redo: null } });
    expect(await nb.call('redo', {})).toEqual({ label: null, history: { undo: null, redo: null } });
    const { source } = await nb.call('importText', { text: 'Tugs idled for two days.', title: 'Tugs' });
    await nb.call('updateSource', { id: source.id, patch: { title: 'Tug strike' } });
    await nb.call('undo', {});
    expect(await nb.call('historyState', {})).toEqual({ undo: 'import of “Tugs”', redo: 'edit details of “Tugs”' });
    await nb.call('updateSource', { id: source.id, patch: { publisher: 'Harbour Gazette' } });
    expect(await nb.call('historyState', {})).toEqual({ undo: 'edit details of “Tugs”', redo: null });
    expect((await nb.call('redo', {})).label).toBeNull();
    await nb.close();
  });

  it('brings back a deleted claim with its subject, links from other claims and “not a conflict” decisions', async () => {
    const nb = await baseNotebook();
    const { call, ids } = nb;
    const c1 = structuredClone(nb.store.memory.getClaim(ids.c1 as never));
    await call('deleteClaim', { id: ids.c1 });
    expect(nb.store.memory.getClaim(ids.c3 as never)?.links).toEqual([]);
    await call('undo', {});
    expect(nb.store.memory.getClaim(ids.c1 as never)).toEqual(c1);
    expect(c1).toMatchObject({ subject: 'Tidewater — grain share', notConflictingWith: [ids.c2] });
    expect(nb.store.memory.getClaim(ids.c2 as never)?.notConflictingWith).toEqual([ids.c1]);
    expect(nb.store.memory.getClaim(ids.c3 as never)?.links).toEqual([{ claimId: ids.c1, relation: 'refines' }]);
    expect((await call('listConflicts', {})).map((p: { key: string }) => p.key)).toEqual([]);
    await nb.close();
  });

  it('brings back a quote that drifted to a fuzzy anchor exactly: same words, selectors, fuzzy status and version', async () => {
    const nb = await baseNotebook();
    const { call, ids } = nb;
    const r = await call('importFile', { fileName: 'harbour.md', dataBase64: b64(HARBOUR_V2), newVersionOf: ids.harbour });
    expect(r.newVersion.review).toContain(ids.berth);
    const drifted = structuredClone(nb.store.memory.getQuote(ids.berth as never)!);
    expect(drifted.anchor.status).toBe('fuzzy');
    expect(drifted.exact).toBe('adding capacity for six more vessels');
    await call('deleteQuote', { id: ids.berth });
    expect((await call('historyState', {})).undo).toBe('delete quote “adding capacity for six more vessels”');
    await call('undo', {});
    const back = nb.store.memory.getQuote(ids.berth as never)!;
    expect(back).toEqual(drifted);
    expect(back.anchor).toMatchObject({ status: 'fuzzy', sha256: drifted.anchor.sha256 });
    expect(nb.store.memory.getClaim(ids.c2 as never)?.evidence).toEqual([{ quoteId: ids.berth, relation: 'context' }]);
    expect((await call('listReview', {})).map((x: { quote: { id: string } }) => x.quote.id)).toContain(ids.berth);
    const hits = (await call('search', { query: 'capacity' })).hits as { refId: string }[];
    expect(hits.map((h) => h.refId)).toContain(ids.berth);
    await nb.close();
  });

  it('keeps the text file when a source is deleted, so undoing the deletion needs only the records', async () => {
    const nb = await baseNotebook();
    const { call, ids } = nb;
    const sha = nb.store.memory.getSource(ids.orchard as never)!.sha256;
    await call('deleteSource', { id: ids.orchard });
    await nb.close();
    const again = { ...(await openService(nb.dir)), dir: nb.dir };
    expect(await again.store.getText(sha)).toBe(ORCHARD);
    await again.close();
  });
});
