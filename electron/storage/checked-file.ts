/**
 * Derived files (the catalog, the search index) as `<sha256 of body>\n<body>`: a
 * damaged, cut-short or hand-edited file fails its checksum and is rebuilt, never
 * used. Written to a temp file and renamed, without fsync: losing one costs a rebuild.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isErrno } from './durable-fs.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The body, or null when the file is missing or fails its checksum. */
export function readChecked(path: string): string | null {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return null;
    throw e;
  }
  const nl = raw.indexOf('\n');
  const body = raw.slice(nl + 1);
  return nl === 64 && sha256(body) === raw.slice(0, 64) ? body : null;
}

export function writeChecked(path: string, body: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${sha256(body)}\n${body}`);
  renameSync(tmp, path);
}
