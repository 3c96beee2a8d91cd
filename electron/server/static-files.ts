/**
 * Maps a request path onto a file of the built renderer, safely: the path is
 * decoded once, any `..` segment, backslash or NUL is refused outright (rather than
 * "normalized away", so an attack never silently lands on some other file), and
 * the real path of the result, after symlinks, must still lie inside the real
 * renderer folder. Used by the browser-mode server and by Electron's app:// handler.
 */
import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { contentTypeFor } from './headers.ts';

export interface StaticFile {
  path: string;
  contentType: string;
}

/** Splits a URL pathname into safe segments, or null when it is not a plain file path. */
export function safeSegments(pathname: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  // Hidden files (".env", ".git") are never part of a Vite build; refusing them also covers "." and "..".
  if (segments.some((s) => s.startsWith('.') || s.includes(':'))) return null;
  return segments.length ? segments : ['index.html'];
}

/** The file to serve for `pathname` under `rootDir`, or null (answer 404). */
export async function resolveStaticFile(rootDir: string, pathname: string): Promise<StaticFile | null> {
  const segments = safeSegments(pathname);
  if (!segments) return null;
  try {
    const root = await realpath(rootDir);
    const real = await realpath(join(root, ...segments));
    if (!real.startsWith(root + sep)) return null;
    if (!(await stat(real)).isFile()) return null;
    return { path: real, contentType: contentTypeFor(real) };
  } catch {
    return null;
  }
}
