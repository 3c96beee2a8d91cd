/**
 * Limits are enforced where records are made: inputs that used to write a record
 * the next open refused (a web page with 150 authors, a 600-character publisher, a
 * 5,000-character canonical URL, a Markdown author line of 400 characters, a tag
 * rename pushing a child past 600 characters, a quote longer than 20,000 characters)
 * are now either stored within the limits or refused in one line — and the notebook
 * always opens again with the same records.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch.ts';
import { openService, tempDir } from '../support/notebook.ts';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const PARA = '<p>The harbour board met on Tuesday and approved a dredging budget of about 12 million euros for the outer channel.</p>';

function page(meta: string): string {
  return `<!doctype html><html><head><title>Harbour board</title>${meta}</head><body><article><h1>Harbour board</h1>${PARA.repeat(6)}</article></body></html>`;
}

const CASES: { name: string; run: (call: (m: string, a: unknown) => Promise<any>, ids: { source: string }) => Promise<unknown> }[] = [
  {
    name: '150 authors',
    run: (c) => c('importFile', { fileName: 'authors.html', dataBase64: b64(page(Array.from({ length: 150 }, (_, i) => `<meta name="author" content="Writer ${i}">`).join(''))) }),
  },
  { name: 'a 600-character publisher', run: (c) => c('importFile', { fileName: 'publisher.html', dataBase64: b64(page(`<meta property="og:site_name" content="${'P'.repeat(600)}">`)) }) },
  { name: 'a 5,000-character canonical URL', run: (c) => c('importFile', { fileName: 'url.html', dataBase64: b64(page(`<link rel="canonical" href="https://example.org/${'a'.repeat(5000)}">`)) }) },
  { name: 'a date in the year 10000', run: (c) => c('importFile', { fileName: 'date.html', dataBase64: b64(page('<meta property="article:published_time" content="10000-01-01T00:00:00Z">')) }) },
  {
    name: 'a 400-character Markdown author line',
    run: (c) => c('importFile', { fileName: 'notes.md', dataBase64: b64(`---\ntitle: Notes\nauthor: ${'A'.repeat(400)}\n---\n\nThe ferry ran 14 crossings a day.\n`) }),
  },
  {
    name: 'a tag rename that makes a child longer than 600 characters',
    run: async (c, ids) => {
      await c('createQuote', { sourceId: ids.source, exact: 'dredging budget', tags: [`energy/${'c'.repeat(190)}/${'d'.repeat(190)}`] });
      return c('renameTag', { from: 'energy', to: `${'e'.repeat(199)}/${'f'.repeat(199)}` });
    },
  },
  { name: 'a quote longer than 20,000 characters', run: (c, ids) => c('createQuote', { sourceId: ids.source, range: { start: 0, end: 25_000 } }) },
];

/** The snapshot's records, in id order (a reopened notebook lists them in file order). */
function records(snap: { sources: { id: string }[]; quotes: { id: string }[]; claims: { id: string }[]; tags: { name: string }[]; trash: unknown[] }) {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  return { sources: byId(snap.sources), quotes: byId(snap.quotes), claims: byId(snap.claims), tags: [...snap.tags].sort((a, b) => (a.name < b.name ? -1 : 1)), trash: snap.trash };
}

describe('records are checked where they are made', () => {
  for (const k of CASES) {
    it(`${k.name}: stored within the limits or refused in one line, and the notebook opens again`, async () => {
      const dir = tempDir('nb-limits-');
      const nb = await openService(dir);
      const long = `Long report\n\n${'The outer channel was dredged to fourteen metres over three winters. '.repeat(500)}`;
      const { source } = await nb.call('importText', { text: long, title: 'Long report' });
      const call = async (m: string, a: unknown) => {
        const r = await dispatch(nb.service, m as never, a as never);
        if (!r.ok) {
          expect(r.error.message).not.toMatch(/\n/);
          return r;
        }
        return r.value;
      };
      const result = await k.run(call, { source: source.id });
      // Metadata from a page or front matter is fitted to the limits with a note, never refused (import/fit-metadata.ts).
      if (k.name !== 'a tag rename that makes a child longer than 600 characters' && k.name !== 'a quote longer than 20,000 characters') {
        expect(result, k.name).not.toHaveProperty('ok', false);
      }
      const before = await nb.call('getSnapshot', {});
      await nb.close();
      const again = await openService(dir);
      const after = await again.call('getSnapshot', {});
      expect(records(after)).toEqual(records(before));
      await again.close();
    });
  }
});
