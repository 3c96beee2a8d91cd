/**
 * Tags across the notebook: renaming, merging and recolouring, all undoable.
 */
import { store } from '../store.ts';
import { guard, must, perform } from './common.ts';

export async function renameTag(from: string, to: string): Promise<boolean> {
  const target = to.trim();
  if (!target || target === from) return false;
  const r = await guard(async () => {
    let names = { from, to: target };
    await perform({
      label: 'rename tag',
      run: async () => {
        names = await must('renameTag', { from, to: target });
      },
      redo: async () => {
        await must('renameTag', { from: names.from, to: names.to });
      },
      undo: async () => {
        await must('renameTag', { from: names.to, to: names.from });
      },
    });
    return true;
  });
  return r === true;
}

/**
 * A merge is not reversible by another merge (the records that already had the
 * target tag would lose it), so undo restores each affected record's previous
 * tag list and the old tag's color.
 */
export async function mergeTags(from: string, into: string): Promise<boolean> {
  const target = into.trim();
  if (!target || target === from) return false;
  const s = store.get();
  const within = (t: string) => t === from || t.startsWith(from + '/');
  const quotes = s.quotes.filter((q) => q.tags.some(within)).map((q) => ({ id: q.id, tags: q.tags }));
  const claims = s.claims.filter((c) => c.claim.tags.some(within)).map((c) => ({ id: c.claim.id, tags: c.claim.tags }));
  const color = s.tags.find((t) => t.tag.name === from)?.tag.color;
  const r = await guard(async () => {
    const merge = async () => {
      await must('mergeTags', { from, into: target });
    };
    await perform({
      label: 'merge tags',
      run: merge,
      redo: merge,
      undo: async (ids) => {
        for (const q of quotes) await must('updateQuote', { id: ids.resolve(q.id) as never, patch: { tags: q.tags } });
        for (const c of claims) await must('updateClaim', { id: ids.resolve(c.id) as never, patch: { tags: c.tags } });
        if (color) await must('setTagColor', { name: from, color });
      },
    });
    return true;
  });
  return r === true;
}

export async function setTagColor(name: string, color: string): Promise<void> {
  const prev = store.get().tags.find((t) => t.tag.name === name)?.tag.color;
  await guard(async () => {
    const set = (c: string) => async () => {
      await must('setTagColor', { name, color: c });
    };
    await perform({ label: 'change tag color', run: set(color), redo: set(color), undo: prev ? set(prev) : async () => {} });
  });
}
