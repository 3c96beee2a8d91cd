/**
 * Splits a selection of files into `importFiles` calls that each stay within a
 * byte budget (the contract's batch limit, or a transport's body limit), keeping
 * their order. A file larger than the budget travels alone, so the service can
 * refuse it with its own reason rather than the call failing as a whole.
 */
export function importBatches<T>(files: readonly T[], sizeOf: (file: T) => number, budget: number, maxFiles = Infinity): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const f of files) {
    const size = sizeOf(f);
    if (current.length && (bytes + size > budget || current.length >= maxFiles)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += size;
  }
  if (current.length) batches.push(current);
  return batches;
}
