/**
 * A long source's text in two parts: its beginning (for the Reader's first paint)
 * and the rest, which together are exactly the whole text, of the version asked for.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch.ts';
import { textBeginning } from '../../shared/text/beginning.ts';
import { openService, tempDir } from '../support/notebook.ts';

const para = (i: number) => `Paragraph ${i}: the depot shipped ${i * 7} crates on the ${(i % 28) + 1}th.`;
const TEXT = Array.from({ length: 3_000 }, (_, i) => para(i)).join('\n\n');

describe('a source text in two parts', () => {
  it('gives the beginning cut at a paragraph break, then the rest, which together are the text', async () => {
    const nb = await openService(tempDir());
    try {
      const { source } = await nb.call('importText', { text: TEXT, title: 'Depot' });
      const first = await nb.call('getSource', { id: source.id, textChars: 10_000 });
      expect(first.textLength).toBe(TEXT.length);
      expect(first.text.length).toBeLessThanOrEqual(10_000);
      expect(first.text.length).toBeGreaterThan(7_500);
      expect(first.text.endsWith('\n\n')).toBe(true);
      expect(TEXT.startsWith(first.text)).toBe(true);
      const rest = await nb.call('getSourceText', { id: source.id, sha256: first.sha256, from: first.text.length });
      expect(first.text + rest.text).toBe(TEXT);
      // Without textChars: the whole text, as before.
      const whole = await nb.call('getSource', { id: source.id });
      expect(whole.text).toBe(TEXT);
      expect(whole.textLength).toBe(TEXT.length);
    } finally {
      await nb.close();
    }
  });

  it('refuses the rest of a version that is no longer the current one', async () => {
    const nb = await openService(tempDir());
    try {
      const { source } = await nb.call('importText', { text: TEXT, title: 'Depot' });
      const r = await dispatch(nb.service, 'getSourceText', { id: source.id, sha256: 'a'.repeat(64), from: 0 });
      expect(!r.ok && r.error.code).toBe('conflict');
      expect(!r.ok && r.error.message).toMatch(/new version/);
      const bad = await dispatch(nb.service, 'getSourceText', { id: source.id, sha256: 'not-a-hash', from: 0 });
      expect(!bad.ok && bad.error.code).toBe('invalid_argument');
    } finally {
      await nb.close();
    }
  });
});

describe('textBeginning', () => {
  it('cuts at a paragraph break, else a line break, else exactly, never inside a surrogate pair', () => {
    expect(textBeginning('short', 100)).toBe('short');
    expect(textBeginning('aaaaaaaa\n\nbbbb', 11)).toBe('aaaaaaaa\n\n');
    expect(textBeginning('aaaaaaaa\nbbbbbbb', 11)).toBe('aaaaaaaa\n');
    expect(textBeginning('abcdefghijklmnop', 8)).toBe('abcdefgh');
    // "😀" is two code units: a cut between them would leave half a character on each side.
    expect(textBeginning('abcdefg😀xyz', 8)).toBe('abcdefg');
    // A break too early (before three quarters of the limit) is not used: the cut stays near the limit.
    expect(textBeginning('a\n\nbbbbbbbbbbbbbbbbbb', 12)).toBe('a\n\nbbbbbbbbb');
  });
});
