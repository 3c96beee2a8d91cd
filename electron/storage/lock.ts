/**
 * One writer at a time. A process that opens a notebook for writing creates
 * `notebook.lock` exclusively (O_EXCL) with its pid and host; a second process gets
 * a clear "open elsewhere" error instead of interleaving writes. A lock left by a
 * process that died (same host, pid gone) is stale and taken over, so a crash
 * never locks the researcher out of their own notebook. A pid alone is not enough:
 * after a restart the pid may belong to another live process, so the lock also
 * records when its process started (Linux: the boot id and /proc/<pid>/stat field
 * 22), and a live pid whose start differs is stale too. The error for a lock that
 * is held names how to clear it if the process is in fact gone.
 */
import { readFileSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { NotebookError } from '../../shared/result.ts';
import { isErrno } from './durable-fs.ts';

export const LOCK_FILE = 'notebook.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  /** When the process started ("<boot id>:<start ticks>"); absent where it cannot be read. */
  started?: string;
}

/** When process `pid` started, as "<boot id>:<clock ticks since boot>" (Linux), or null where that cannot be read. */
export function processStart(pid: number): string | null {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command name, in parentheses) may hold spaces and ')': count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[22 - 3];
    return boot && start && /^\d+$/.test(start) ? `${boot}:${start}` : null;
  } catch {
    return null;
  }
}

/** Whether the lock's process is still the one running under its pid. */
function holderAlive(info: Partial<LockInfo>): boolean {
  if (typeof info.pid !== 'number' || !alive(info.pid)) return false;
  if (typeof info.started !== 'string') return true;
  const now = processStart(info.pid);
  return now === null || now === info.started;
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
      const started = processStart(process.pid);
      const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString(), ...(started ? { started } : {}) };
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
      if (sameHost && !holderAlive(info)) {
        await unlink(path).catch(() => {});
        continue;
      }
      throw new NotebookError(
        'locked',
        `the notebook at ${dir} is open in another process (pid ${info.pid ?? '?'}${sameHost ? '' : ` on ${info.host}`}, since ${info.since ?? '?'}); close it there first, or, if that process is no longer running${sameHost ? '' : ` on ${info.host}`}, delete ${path} and try again`,
      );
    }
  }
  throw new NotebookError('locked', `could not lock the notebook at ${dir}`);
}
