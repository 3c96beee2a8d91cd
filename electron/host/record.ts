/**
 * The host record: `.host.json` in the notebook folder, written by the process that
 * hosts the notebook (the desktop app or `notebook serve`) and removed when it
 * closes. It says who hosts (kind, pid), where to reach it (a Unix socket or a
 * Windows named pipe) and the secret a caller must present. The file is created
 * with mode 0600, so only the user can read the secret; it is written to a temp
 * file and renamed, so a reader never sees half a record. A record whose process
 * died is stale: callers ignore it (client.ts checks the pid and a handshake) and
 * the next host simply writes its own over it.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** A dot file: the store takes a folder holding only it (a host that crashed before the first edit) for an empty one. */
export const HOST_FILE = '.host.json';
export const HOST_PROTOCOL = 1;
export const HOST_KINDS = ['app', 'serve'] as const;
export type HostKind = (typeof HOST_KINDS)[number];

const HostRecordSchema = z.strictObject({
  protocol: z.literal(HOST_PROTOCOL),
  kind: z.enum(HOST_KINDS),
  pid: z.number().int().positive(),
  endpoint: z.string().min(1).max(400),
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  startedAt: z.string().max(40),
});
export type HostRecord = z.infer<typeof HostRecordSchema>;

/** 32 random bytes, base64url: what a caller must present with every frame. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** The record, or null when there is none or it is not a record this version understands. */
export async function readHostRecord(dir: string): Promise<HostRecord | null> {
  let raw: string;
  try {
    raw = await readFile(join(dir, HOST_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const r = HostRecordSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export async function writeHostRecord(dir: string, record: HostRecord): Promise<void> {
  // A leftover of a crash here looks like any other stray temp (".name.tmp") and is removed by the next writer.
  const tmp = join(dir, `.${HOST_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(JSON.stringify(record));
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dir, HOST_FILE));
}

/** Removes the record if it is still ours (same secret): a later host's record is left alone. */
export async function removeHostRecord(dir: string, secret: string): Promise<void> {
  const current = await readHostRecord(dir);
  if (current && current.secret !== secret) return;
  await unlink(join(dir, HOST_FILE)).catch(() => {});
}

/** Whether a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The host in the user's words: "Research Notebook (the desktop app, pid 4242)". */
export function describeHost(r: Pick<HostRecord, 'kind' | 'pid'>): string {
  return r.kind === 'app' ? `Research Notebook (the desktop app, pid ${r.pid})` : `\`notebook serve\` (pid ${r.pid})`;
}
