/**
 * Long work never holds up other requests (issue 15): while the first search
 * builds the index of a large source, and while the suggested figures of a long
 * source are computed, a cheap request sent after them is answered first — and
 * the long answer is still the right one. Ordering, not timing: slices are set to
 * yield at every step (slices.ts `slicing`), and suggestions come from a worker
 * thread, so no machine is fast enough to finish either before the cheap request.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { dispatch } from '../../shared/api/dispatch.ts';
import { createIndex, sourceParagraphDocs } from '../../shared/search/index.ts';
import { sourceSuggestions } from '../../shared/model/suggest.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { NotebookService } from '../../electron/service/service.ts';
import { SLICE_MS, slicing } from '../../electron/service/slices.ts';
import { suggestionThread, THREAD_FROM } from '../../electron/service/off-thread.ts';
import { tempDir } from '../support/notebook.ts';

const PLACES = ['Vellmar', 'Ostrand', 'Kestrel Bay', 'Norrhavn'];

/** Invented report prose: `paragraphs` paragraphs of three lines, a figure in each. */
function report(paragraphs: number, word = 'dredging'): string {
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const place = PLACES[i % PLACES.length]!;
    out.push(
      `Paragraph ${i}: the ${word} works at ${place} moved almost ${10 + (i % 80)}% more silt than planned, the harbour board said.\nCrews at berth ${i} worked through the night.\nThe board meets again next month.`,
    );
  }
  return out.join('\n\n');
}

async function open() {
  const dir = join(tempDir('nb-responsive-'), 'nb');
  const store = await NotebookStore.open(dir, { write: 'required' });
  const service = new NotebookService(store);
  const call = async (method: string, args: unknown = {}): Promise<any> => {
    const r = await dispatch(service, method, args);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  return { store, service, call };
}

/**
 * Starts `slow`, then `cheap` on the next turn of the event loop (as a request
 * arriving meanwhile would: work that holds the loop delays it until it is done);
 * the order in which their answers arrive.
 */
async function order(slow: () => Promise<unknown>, cheap: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const a = slow().then(() => seen.push('slow'));
  const b = new Promise((r) => setImmediate(r)).then(cheap).then(() => seen.push('cheap'));
  await Promise.all([a, b]);
  return seen;
}

afterEach(() => {
  slicing.ms = SLICE_MS;
});

describe('the first search on a large source', () => {
  it('lets a cheap request through while it builds, and finds what a whole build finds', async () => {
    const { store, call } = await open();
    const text = report(4000);
    const { source } = await call('importText', { text, title: 'Harbour board minutes' });
    slicing.ms = 0;
    let result: any;
    const seen = await order(
      async () => (result = await call('search', { query: 'silt berth', limit: 50 })),
      () => call('listSources'),
    );
    expect(seen).toEqual(['cheap', 'slow']);
    // The same query on an index built in one go from the same text.
    const whole = createIndex();
    for (const d of sourceParagraphDocs(source.id, source.title, text)) whole.add(d);
    const expected = whole.run('silt berth', { limit: 50 });
    if (!expected.ok) throw new Error(expected.error);
    expect(result.total).toBe(expected.total);
    expect(result.hits.map((h: any) => h.id).sort()).toEqual(expected.hits.map((h) => h.id).sort());
    await store.close();
  });

  it('applies what was committed while it built', async () => {
    const { store, call } = await open();
    await call('importText', { text: report(3000), title: 'Harbour board minutes' });
    slicing.ms = 0;
    const searching = call('search', { query: 'kittiwake', limit: 10 });
    // Committed while the index is being built: queued, then applied before the search answers.
    const { source } = await call('importText', { text: 'The kittiwake colony at the north pier grew by about 12% this year.', title: 'Seabird count' });
    const [during, after] = [await searching, await call('search', { query: 'kittiwake', limit: 10 })];
    expect(after.hits.map((h: any) => h.sourceId)).toEqual([source.id]);
    // The search that started before the import answered after it committed: it sees it too.
    expect(during.hits.map((h: any) => h.sourceId)).toEqual([source.id]);
    await store.close();
  });

  it('never answers from a source half indexed by a later commit', async () => {
    const { store, service, call } = await open();
    await call('importText', { text: 'A short note on the pier.', title: 'Pier note' });
    await call('search', { query: 'pier' }); // the index is built
    slicing.ms = 0;
    const text = report(2000, 'sluice');
    const importing = call('importText', { text, title: 'Sluice minutes' });
    // Wait until the commit is written and its indexing under way (white-box: the index's pending commit).
    const index = (service as any).searchIndex;
    while (!index.applying) await new Promise((r) => setImmediate(r));
    const found = await call('search', { query: 'sluice', limit: 5 });
    await importing;
    expect(found.total).toBe(2000);
    await store.close();
  });
});

describe('suggested figures of a long source', () => {
  beforeAll(() => {
    expect(report(400).length).toBeGreaterThan(THREAD_FROM);
  });

  it('are computed in a worker thread while a cheap request is answered, and equal those computed in place', async () => {
    const { store, service, call } = await open();
    const text = report(400);
    const { source } = await call('importText', { text, title: 'Harbour board minutes' });
    // One figure already claimed: `claimedBy` is found in the service thread.
    const first = (await call('listSuggestions', { sourceId: source.id }))[0];
    await call('decideSuggestion', { sourceId: source.id, key: first.key, action: 'accept' });
    const answered = suggestionThread.answered;
    let list: any[] = [];
    const seen = await order(
      async () => (list = await call('listSuggestions', { sourceId: source.id, includeDecided: true })),
      () => call('listTags'),
    );
    expect(seen).toEqual(['cheap', 'slow']);
    expect(suggestionThread.answered).toBeGreaterThan(answered);
    const meta = service.store.memory.getSource(source.id)!;
    const inPlace = sourceSuggestions(service.store.memory, meta, text).map((s) => {
      const { sentenceStart: _s, sentenceEnd: _e, ...figure } = s.figure;
      return { key: s.key, status: s.status, figure, sentence: s.sentence, claimedBy: s.claimedBy ?? null };
    });
    expect(list).toEqual(inPlace);
    expect(list.length).toBe(400);
    expect(list.filter((s) => s.status === 'accepted' && s.claimedBy !== null)).toHaveLength(1);
    await store.close();
  });
});
