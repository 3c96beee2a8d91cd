/**
 * Where a host listens: a fresh Unix domain socket in a folder only the user can
 * enter, or on Windows a named pipe with a random name. The folder is
 * $XDG_RUNTIME_DIR (per-user, mode 0700 by specification) when it exists, else
 * `<tmpdir>/rn-<uid>`, created 0700 and checked to be a real folder owned by us with
 * no access for others (a shared /tmp would otherwise let another user plant it).
 * Socket paths are short (the OS limit is about 104 bytes) and random per launch,
 * so a socket left by a crashed host never blocks the next one.
 */
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function privateFolder(env: NodeJS.ProcessEnv): Promise<string> {
  const runtime = env['XDG_RUNTIME_DIR'];
  if (runtime) {
    const s = await lstat(runtime).catch(() => null);
    if (s?.isDirectory() && s.uid === process.getuid?.() && (s.mode & 0o077) === 0) return runtime;
  }
  const dir = join(tmpdir(), `rn-${process.getuid?.() ?? 'user'}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const s = await lstat(dir);
  if (!s.isDirectory() || s.isSymbolicLink() || s.uid !== process.getuid?.()) throw new Error(`${dir} is not a private folder of this user; remove it and try again`);
  if ((s.mode & 0o077) !== 0) await chmod(dir, 0o700);
  return dir;
}

export async function newEndpointAddress(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const name = randomBytes(9).toString('hex');
  if (process.platform === 'win32') return `\\\\.\\pipe\\research-notebook-${name}`;
  return join(await privateFolder(env), `nb-${name}.sock`);
}
