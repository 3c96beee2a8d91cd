/**
 * The browser-mode server against a real temporary notebook: the API works for our
 * own page, and every request another page, a rebinding attack or a stray script
 * could make is refused with the protocol's status and leaves the notebook untouched.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api/contract.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/server/headers.ts';
import { startServer, tokenMatches } from '../../electron/server/server.ts';
import type { RunningServer } from '../../electron/server/server.ts';
import { fakeRendererBuild, fingerprint, rawRequest, tempDir } from './helpers.ts';
import type { RawResponse } from './helpers.ts';

const SAMPLE = 'Freight rates on the northern grain route rose by roughly 14% in March, according to two brokers, though one cautioned the figure may be revised.';

let server: RunningServer;
let notebookDir: string;
let build: Awaited<ReturnType<typeof fakeRendererBuild>>;
const seen: RawResponse[] = [];

async function call(path: string, opts: Parameters<typeof rawRequest>[1] extends infer O ? Partial<O & object> : never = {}) {
  const res = await rawRequest(server.port, { path, ...opts });
  seen.push(res);
  return res;
}
const goodHeaders = () => ({ 'Content-Type': 'application/json', 'X-Notebook-Token': server.token, Origin: `http://127.0.0.1:${server.port}`, 'Sec-Fetch-Site': 'same-origin' });
const api = (method: string, args: unknown, headers: Record<string, string> = goodHeaders()) => call(`/api/${method}`, { method: 'POST', headers, body: JSON.stringify(args) });

beforeAll(async () => {
  notebookDir = join(await tempDir('nb-server-'), 'notebook');
  build = await fakeRendererBuild();
  server = await startServer({ notebookDir, port: 0, staticDir: build.staticDir });
  const first = await api('importText', { text: SAMPLE, title: 'Grain freight' });
  expect(JSON.parse(first.body)).toMatchObject({ ok: true });
});
afterAll(async () => {
  await server?.close();
});

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying a 32-byte base64url token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
  });

  it('answers a JSON POST with the token: an import shows up in the source list', async () => {
    const imported = JSON.parse((await api('importText', { text: 'Copper output at the two mines slipped an estimated 3.2%, the operator said.', title: 'Copper' })).body);
    expect(imported.ok).toBe(true);
    const listed = await api('listSources', {});
    expect(listed.status).toBe(200);
    expect(listed.headers['content-type']).toMatch(/^application\/json/);
    const titles = (JSON.parse(listed.body).value as { title: string }[]).map((s) => s.title).sort();
    expect(titles).toEqual(['Copper', 'Grain freight']);
  });

  it('returns expected failures as a 200 Result and invalid arguments as invalid_argument', async () => {
    const missing = await api('getSource', { id: 'src_doesnotexist0000' });
    expect(missing.status).toBe(200);
    expect(JSON.parse(missing.body).ok).toBe(false);
    const bad = await api('importText', { text: 42 });
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('accepts localhost:PORT as well as 127.0.0.1:PORT as the Host', async () => {
    const res = await call('/api/getInfo', { method: 'POST', host: `localhost:${server.port}`, headers: { ...goodHeaders(), Origin: `http://localhost:${server.port}` }, body: '{}' });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { path: notebookDir } });
  });

  it('holds the writer lock while running', async () => {
    await expect(NotebookStore.open(notebookDir, { write: 'required' })).rejects.toMatchObject({ code: 'locked' });
  });

  const hostile: [string, () => Promise<RawResponse>, number][] = [
    ['a wrong Host header (DNS rebinding)', () => call('/api/importText', { method: 'POST', host: 'evil.example:80', headers: goodHeaders(), body: JSON.stringify({ text: 'rebound text' }) }), 403],
    [
      'the right port under another name',
      () => call('/api/importText', { method: 'POST', host: `notebook.example:${server.port}`, headers: goodHeaders(), body: JSON.stringify({ text: 'rebound text' }) }),
      403,
    ],
    [
      'a request without a token',
      () => {
        const { 'X-Notebook-Token': _, ...h } = goodHeaders();
        return api('importText', { text: 'no token here' }, h);
      },
      403,
    ],
    ['a request with a wrong token', () => api('importText', { text: 'wrong token here' }, { ...goodHeaders(), 'X-Notebook-Token': 'A'.repeat(43) }), 403],
    ['a foreign Origin', () => api('importText', { text: 'foreign origin' }, { ...goodHeaders(), Origin: 'http://127.0.0.1:8080' }), 403],
    ['Sec-Fetch-Site: cross-site', () => api('importText', { text: 'cross site' }, { ...goodHeaders(), 'Sec-Fetch-Site': 'cross-site' }), 403],
    [
      'a cross-site form post',
      () =>
        call('/api/importText', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
          body: 'text=planted',
        }),
      403,
    ],
    [
      'a form-encoded body even with the token',
      () => call('/api/importText', { method: 'POST', headers: { ...goodHeaders(), 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'text=planted' }),
      415,
    ],
    ['a text/plain body', () => call('/api/importText', { method: 'POST', headers: { ...goodHeaders(), 'Content-Type': 'text/plain' }, body: JSON.stringify({ text: 'plain text body' }) }), 415],
    ['a GET on the API', () => call('/api/importText?text=via-get', { headers: { 'X-Notebook-Token': server.token } }), 405],
    ['an unknown method', () => api('dropEverything', {}), 404],
  ];

  it.each(hostile)('refuses %s and changes nothing', async (_name, send, status) => {
    const before = await fingerprint(notebookDir);
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body).not.toMatch(/"ok":true/);
    expect(await fingerprint(notebookDir)).toBe(before);
  });

  it('refuses a body over the size limit with 413 before reading it', async () => {
    const before = await fingerprint(notebookDir);
    const res = await rawRequest(server.port, { method: 'POST', path: '/api/importText', headers: { ...goodHeaders(), 'Content-Length': String(31 * 1024 * 1024) } });
    expect(res.status).toBe(413);
    expect(await fingerprint(notebookDir)).toBe(before);
  });

  it('serves the built renderer without a token, with the security headers', async () => {
    const page = await call('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Research Notebook');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
    const script = await call('/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it.each([
    '/../package.json',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/escape.txt',
    '/assets/parent/secret.txt',
    '/..\\secret.txt',
  ])('refuses the static path %s', async (path) => {
    const res = await call(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain(build.secret);
  });

  it('never sends an Access-Control-* header, not even to a preflight', async () => {
    await call('/api/listSources', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-notebook-token' } });
    expect(seen.length).toBeGreaterThan(15);
    for (const res of seen) expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches(server.token, server.token)).toBe(true);
    expect(tokenMatches(server.token, server.token.slice(0, -1))).toBe(false);
    expect(tokenMatches(server.token, undefined)).toBe(false);
    expect(tokenMatches(server.token, [server.token])).toBe(false);
  });

  it('serves every contract method at /api/<method>', async () => {
    for (const method of API_METHODS) {
      const res = await api(method, {});
      expect(res.status, method).toBe(200);
      expect(JSON.parse(res.body), method).toHaveProperty('ok');
    }
  });
});

describe('browser-mode server without a renderer build', () => {
  it('tells the researcher to build the renderer, and releases the lock on close', async () => {
    const dir = join(await tempDir('nb-server-'), 'notebook');
    const s = await startServer({ notebookDir: dir, port: 0, staticDir: join(dir, 'no-such-build') });
    const res = await rawRequest(s.port, { path: '/' });
    expect(res.body).toContain('npm run build');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await s.close();
    const store = await NotebookStore.open(dir, { write: 'required' });
    expect(store.writable).toBe(true);
    await store.close();
  });
});
