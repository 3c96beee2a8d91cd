/**
 * A stale lock is judged by pid AND process start time: after a restart the pid in
 * a lock may belong to another live process, and that must not lock writers out.
 * A lock that is really held says how to clear it if its process is gone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, processStart } from '../../electron/storage/lock.ts';
import { tempDir } from '../support/notebook.ts';

const onLinux = existsSync('/proc/self/stat');

describe('the writer lock', () => {
  it('records when its process started, and takes over a lock whose live pid started at another time', async () => {
    const dir = tempDir();
    const lock = await acquireLock(dir);
    const info = JSON.parse(readFileSync(join(dir, 'notebook.lock'), 'utf8'));
    expect(info.pid).toBe(process.pid);
    if (onLinux) expect(info.started).toBe(processStart(process.pid));
    await lock.release();

    // The parent process is alive; a lock naming it with a different start time was left by an earlier process.
    const started = processStart(process.ppid);
    writeFileSync(join(dir, 'notebook.lock'), JSON.stringify({ pid: process.ppid, host: hostname(), since: '2020-01-01T00:00:00.000Z', started: onLinux ? `${started}0` : 'another-boot:1' }));
    if (onLinux) {
      const taken = await acquireLock(dir);
      expect(JSON.parse(readFileSync(join(dir, 'notebook.lock'), 'utf8')).pid).toBe(process.pid);
      await taken.release();
    }
  });

  it('held by a live process that started when the lock says, is refused with how to clear it', async () => {
    const dir = tempDir();
    const path = join(dir, 'notebook.lock');
    writeFileSync(path, JSON.stringify({ pid: process.ppid, host: hostname(), since: '2020-01-01T00:00:00.000Z', ...(onLinux ? { started: processStart(process.ppid) } : {}) }));
    await expect(acquireLock(dir)).rejects.toThrow(
      `is open in another process (pid ${process.ppid}, since 2020-01-01T00:00:00.000Z); close it there first, or, if that process is no longer running, delete ${path} and try again`,
    );
  });

  it('reads the boot id and start ticks of a live process, and nothing for a pid that does not exist', () => {
    if (!onLinux) return;
    const start = processStart(process.pid)!;
    expect(start).toMatch(/^[0-9a-f-]{36}:\d+$/);
    expect(processStart(2 ** 22 + 17)).toBeNull();
  });
});
