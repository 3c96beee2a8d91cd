/**
 * The Obsidian vault (shared/export/obsidian.ts) packed as one .zip of its folder, so it
 * travels as one file like every other export (fflate; fixed timestamps, so the same
 * notebook gives the same bytes).
 */
import { strToU8, zipSync } from 'fflate';

export const VAULT_FOLDER = 'Research notebook vault';
const FIXED_TIME = new Date('2000-01-01T00:00:00Z');

export function zipVault(files: ReadonlyMap<string, string>): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) entries[`${VAULT_FOLDER}/${path}`] = [strToU8(text), { mtime: FIXED_TIME }];
  return zipSync(entries, { level: 6 });
}
