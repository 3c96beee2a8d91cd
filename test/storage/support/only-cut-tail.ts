/**
 * What a kill -9 may leave for the next open to report: at most a last log line cut
 * short (kept as a copy in quarantine/, never blocking the open), nothing else.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { pendingQuarantine } from '../../../electron/storage/quarantine.ts';
import type { NotebookStore } from '../../../electron/storage/store.ts';

export function expectAtMostACutTail(dir: string, store: NotebookStore, round: number): void {
  expect(pendingQuarantine(dir), `round ${round}: nothing blocks the open`).toEqual([]);
  expect(store.recovery.length, `round ${round}: ${store.recovery.join('; ')}`).toBeLessThanOrEqual(1);
  for (const line of store.recovery) expect(line, `round ${round}`).toMatch(/^wal\.log: its last change \(line \d+\) was cut short/);
  const kept = existsSync(join(dir, 'quarantine')) ? readdirSync(join(dir, 'quarantine')) : [];
  expect(kept.length, `round ${round}: one kept copy per report`).toBe(store.recovery.length);
  for (const name of kept) expect(name).toMatch(/--wal\.log\.kept$/);
}
