/**
 * Runs notebook calls one at a time. The service reads the in-memory notebook,
 * decides, then awaits a commit to disk; two overlapping calls (two browser tabs,
 * or a quick double click) could otherwise both decide against the same old state.
 * Both adapters (HTTP and IPC) funnel every dispatch through one of these.
 */
export type CallQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function createCallQueue(): CallQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    // A failed call must not poison the queue for the next one.
    tail = run.catch(() => undefined);
    return run;
  };
}
