/**
 * Suggested figures of a long source, listed a part of the text at a time (the
 * Reader asks for them so), and "Dismiss all" as one edit: the parts put together
 * are the whole list with the same keys, a decision on a key found in a part is the
 * same decision, and dismissing many is one undo step that undo takes back exactly.
 */
import { describe, expect, it } from 'vitest';
import { openService, tempDir } from '../support/notebook.ts';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const PARAS = Array.from({ length: 24 }, (_, i) => `Depot ${i} moved about ${i * 3 + 5}% more parcels in week ${i}. Its fleet grew to ${i + 12} vans, up from ${i + 9} a year before.`);
const TEXT = `Depot report\n\n${PARAS.join('\n\n')}`;

async function withSource() {
  const nb = await openService(tempDir());
  const r = await nb.call('importFile', { fileName: 'depots.txt', dataBase64: b64(TEXT) });
  const source = await nb.call('getSource', { id: r.source.id });
  return { ...nb, sourceId: source.id as string, text: source.text as string };
}

describe('suggestions of a source by parts', () => {
  it('lists the same figures with the same keys a part at a time as all at once', async () => {
    const { call, sourceId, text, close } = await withSource();
    try {
      const all = await call('listSuggestions', { sourceId });
      expect(all.length).toBeGreaterThan(40);
      const seen = new Map<string, unknown>();
      // Parts cut anywhere (even inside a word): each is widened to whole paragraphs.
      for (let from = 0; from < text.length; from += 137) {
        for (const s of await call('listSuggestions', { sourceId, from, to: Math.min(text.length, from + 137) })) seen.set(s.key, s);
      }
      expect([...seen.keys()].sort()).toEqual(all.map((s: { key: string }) => s.key).sort());
      for (const s of all) expect(seen.get(s.key)).toEqual(s);
    } finally {
      await close();
    }
  });

  it('dismisses many in one edit, which one undo takes back', async () => {
    const { call, sourceId, close } = await withSource();
    try {
      const all = await call('listSuggestions', { sourceId });
      const keys = all.slice(0, 30).map((s: { key: string }) => s.key);
      const r = await call('dismissSuggestions', { sourceId, keys });
      expect(r).toEqual({ dismissed: 30 });
      const open = await call('listSuggestions', { sourceId });
      expect(open.length).toBe(all.length - 30);
      expect((await call('historyState', {})).undo).toBeTruthy();
      await call('undo', {});
      expect((await call('listSuggestions', { sourceId })).map((s: { key: string }) => s.key)).toEqual(all.map((s: { key: string }) => s.key));
      // Already dismissed ones count for nothing; an unknown key is refused and changes nothing.
      await call('dismissSuggestions', { sourceId, keys });
      expect(await call('dismissSuggestions', { sourceId, keys })).toEqual({ dismissed: 0 });
      await expect(call('dismissSuggestions', { sourceId, keys: ['1-2'] })).rejects.toThrow(/no suggested figure 1-2/);
      expect((await call('listSuggestions', { sourceId })).length).toBe(all.length - 30);
    } finally {
      await close();
    }
  });

  it('accepts a figure of a long source by its key, found in its paragraph', async () => {
    const { call, sourceId, close } = await withSource();
    try {
      const all = await call('listSuggestions', { sourceId });
      const last = all[all.length - 1];
      const r = await call('decideSuggestion', { sourceId, key: last.key, action: 'accept' });
      expect(r.status).toBe('accepted');
      expect(r.quote.exact).toBe(last.sentence.text);
    } finally {
      await close();
    }
  });
});
