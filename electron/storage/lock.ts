/**
 * One writer at a time. A process that opens a notebook for writing creates
 * `notebook.lock` exclusively (O_EXCL) with its pid and host; a second process gets
 * a clear "open elsewhere" error instead of interleaving writes. A lock left by a
 * process that died (same host, pid gone) is stale and taken over, so a crash
 * never locks the researcher out of their own notebook.
 */
import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { NotebookError } from '../../shared/api/result.ts';
import { isErrno } from './durable-fs.ts';

export const LOCK_FILE = 'notebook.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return isErrno(e, 'EPERM'); // exists but belongs to someone else
  }
}

export interface Lock {
  release(): Promise<void>;
}

export async function acquireLock(dir: string): Promise<Lock> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(path, 'wx', 0o600);
      const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      await fh.writeFile(JSON.stringify(info));
      await fh.close();
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await unlink(path).catch(() => {});
        },
      };
    } catch (e) {
      if (!isErrno(e, 'EEXIST')) throw e;
      let info: Partial<LockInfo> = {};
      try {
        info = JSON.parse(await readFile(path, 'utf8')) as Partial<LockInfo>;
      } catch {
        // A lock file that is empty or half-written belongs to a process that died
        // between create and write (the write is tiny): treat it as stale.
      }
      const sameHost = info.host === undefined || info.host === hostname();
      if (sameHost && (typeof info.pid !== 'number' || !alive(info.pid))) {
        await unlink(path).catch(() => {});
        continue;
      }
      throw new NotebookError(
        'locked',
        `the notebook at ${dir} is open in another process (pid ${info.pid ?? '?'}${sameHost ? '' : ` on ${info.host}`}, since ${info.since ?? '?'}); close it there first`,
      );
    }
  }
  throw new NotebookError('locked', `could not lock the notebook at ${dir}`);
}
