/**
 * Helpers for the browser-mode server tests: raw HTTP requests (so a test can send
 * any Host, path or header a hostile page or script might), a fingerprint of a
 * notebook folder to prove a refused request changed nothing, and a fake renderer build.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function rawRequest(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; host?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: opts.host ?? `127.0.0.1:${port}`, ...opts.headers };
    if (opts.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(opts.body));
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A digest of every file (path and bytes) under `dir`; equal digests mean nothing was written. */
export async function fingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (d: string): Promise<void> => {
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else
        hash
          .update(relative(dir, p))
          .update('\0')
          .update(await readFile(p))
          .update('\0');
    }
  };
  await walk(dir);
  return hash.digest('hex');
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A stand-in for dist/renderer, with a symlink pointing outside it and a secret next to it. */
export async function fakeRendererBuild(): Promise<{ root: string; staticDir: string; secret: string }> {
  const root = await tempDir('nb-static-');
  const staticDir = join(root, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Research Notebook</title><script type="module" src="/assets/app.js"></script>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("notebook renderer");');
  const secret = 'SECRET-OUTSIDE-THE-BUILD';
  await writeFile(join(root, 'secret.txt'), secret);
  await symlink(join(root, 'secret.txt'), join(staticDir, 'assets', 'escape.txt'));
  await symlink(root, join(staticDir, 'assets', 'parent'));
  return { root, staticDir, secret };
}
