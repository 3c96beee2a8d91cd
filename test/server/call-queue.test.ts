import { describe, expect, it } from 'vitest';
import { createCallQueue } from '../../electron/server/call-queue.ts';

/** A task that finishes only when `release()` is called, logging its start and end. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return {
    release,
    task: async () => {
      log.push(`${name} start`);
      await done;
      log.push(`${name} end`);
      return name;
    },
  };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('the call queue', () => {
  it('runs writes strictly one after another', async () => {
    const q = createCallQueue();
    const log: string[] = [];
    const a = gate(log, 'w1');
    const p1 = q(a.task);
    const p2 = q(async () => void log.push('w2'));
    await tick();
    expect(log).toEqual(['w1 start']);
    a.release();
    await Promise.all([p1, p2]);
    expect(log).toEqual(['w1 start', 'w1 end', 'w2']);
  });

  it('lets a write run while a long read is still working, and starts a read only after the writes before it', async () => {
    const q = createCallQueue();
    const log: string[] = [];
    const w = gate(log, 'write');
    const wp = q(w.task);
    const r = gate(log, 'read');
    const rp = q(r.task, 'read');
    await tick();
    expect(log).toEqual(['write start']); // the read waits for the write that came first
    w.release();
    await wp;
    await tick();
    expect(log).toEqual(['write start', 'write end', 'read start']);
    await q(async () => void log.push('second write'));
    expect(log.at(-1)).toBe('second write'); // not held up by the unfinished read
    r.release();
    await rp;
  });

  it('runs an exclusive call (switching notebooks) only after every read in flight, and drains reads before a close', async () => {
    const q = createCallQueue();
    const log: string[] = [];
    const r = gate(log, 'read');
    const rp = q(r.task, 'read');
    const xp = q(async () => void log.push('switch'), 'exclusive');
    let drained = false;
    const dp = q.drain().then(() => (drained = true));
    await tick();
    expect(log).toEqual(['read start']);
    expect(drained).toBe(false);
    r.release();
    await Promise.all([rp, xp, dp]);
    expect(log).toEqual(['read start', 'read end', 'switch']);
  });

  it('keeps going after a failed call', async () => {
    const q = createCallQueue();
    await expect(
      q(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(q(async () => 'next')).resolves.toBe('next');
  });
});
