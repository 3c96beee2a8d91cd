/**
 * Orders notebook calls: writes one at a time, reads beside them.
 *
 * The service reads the in-memory notebook, decides, then awaits a commit to disk;
 * two overlapping writes (two browser tabs, or a quick double click) could
 * otherwise both decide against the same old state, so writes run strictly in
 * order. A read starts once every write that arrived before it has finished (it
 * sees what the caller already wrote), but it holds up nothing after it: a long
 * read — the first listing of claims, which computes conflicts over the whole
 * notebook, or a first search, which builds the index — must not stall a click
 * that saves a highlight meanwhile. (Not taken: one queue for everything, as
 * before, which made every request wait behind the slowest listing.)
 * An 'exclusive' call (switching or closing the notebook) waits for every read
 * in flight as well, and everything after it waits for it.
 * `drain()` waits for everything in flight, reads included, before a close.
 * Both adapters (HTTP and IPC) funnel every dispatch through one of these.
 */
export type CallKind = 'read' | 'write' | 'exclusive';
export type CallQueue = (<T>(task: () => Promise<T>, kind?: CallKind) => Promise<T>) & { drain(): Promise<void> };

export function createCallQueue(): CallQueue {
  let writes: Promise<unknown> = Promise.resolve();
  const reads = new Set<Promise<unknown>>();
  const queue = <T>(task: () => Promise<T>, kind: CallKind = 'write'): Promise<T> => {
    const before = kind === 'exclusive' ? Promise.all([writes, ...reads]) : writes;
    const run = before.then(task, task);
    // A failed call must not poison the queue for the next one.
    const settled = run.catch(() => undefined);
    if (kind !== 'read') writes = settled;
    else {
      reads.add(settled);
      void settled.then(() => reads.delete(settled));
    }
    return run;
  };
  return Object.assign(queue, {
    async drain(): Promise<void> {
      await writes;
      await Promise.all([...reads]);
    },
  });
}
