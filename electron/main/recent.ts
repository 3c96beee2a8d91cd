/**
 * The File ▸ Open Recent list: the last few notebook folders, newest first, kept in
 * a small JSON file in the app's userData folder. A missing or damaged file just
 * means an empty list — it is a convenience, never worth an error dialog.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Enough to cover a few projects without the submenu turning into a list to scroll. */
export const MAX_RECENT = 8;

export class RecentNotebooks {
  constructor(private readonly file: string) {}

  async list(): Promise<string[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      const dirs = (parsed as { notebooks?: unknown }).notebooks;
      if (!Array.isArray(dirs)) return [];
      return dirs.filter((d): d is string => typeof d === 'string' && d.length > 0 && d.length < 4096).slice(0, MAX_RECENT);
    } catch {
      return [];
    }
  }

  /** Moves `dir` to the top of the list; returns the new list. */
  async add(dir: string): Promise<string[]> {
    const next = [dir, ...(await this.list()).filter((d) => d !== dir)].slice(0, MAX_RECENT);
    await this.save(next);
    return next;
  }

  async clear(): Promise<void> {
    await this.save([]);
  }

  private async save(notebooks: string[]): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    // Write then rename, so a crash mid-write leaves the old list rather than half a file.
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ version: 1, notebooks }, null, 2) + '\n');
    await rename(tmp, this.file);
  }
}
