/** Long work on the service's event loop cut into slices of about SLICE_MS, with a yield to the loop between them. */

/**
 * Longest stretch of work between two yields. 15 ms keeps a request that arrives
 * meanwhile well inside the 100 ms a click may take, while the yields themselves
 * (a setImmediate each, a few µs) add under 1% to the work.
 */
export const SLICE_MS = 15;

/** The slice length in use: tests set 0 (a yield at every step) to check what other requests see meanwhile. */
export const slicing = { ms: SLICE_MS };

/**
 * A pause to call between small steps of a long job: it returns at once (no
 * promise) while the current slice lasts, and a promise that resolves after a
 * turn of the event loop once SLICE_MS have gone by. `if (p) await p` keeps the
 * steps of a slice synchronous.
 */
export function slicer(ms = slicing.ms): () => Promise<void> | undefined {
  let until = performance.now() + ms;
  return () => {
    if (performance.now() < until) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        until = performance.now() + ms;
        resolve();
      }),
    );
  };
}
