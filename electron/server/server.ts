/**
 * The browser-mode server: the built renderer plus the notebook API over HTTP on
 * 127.0.0.1, for machines where the desktop app cannot run (protocol: see the
 * README's browser-mode section). Other web pages open in the same browser can
 * reach 127.0.0.1 too, so every API call must prove it comes from our own page:
 *
 * - a per-launch secret token in a custom header (a cross-site page can neither
 *   read it nor set custom headers without a CORS preflight, which we never grant);
 * - a Host allow-list, so a DNS-rebinding page (evil.example → 127.0.0.1) is refused;
 * - Origin / Sec-Fetch-Site checks on every POST, as a second wall behind the token;
 * - JSON bodies only (an HTML form cannot send application/json), a size limit,
 *   and GET never changes anything.
 *
 * Calls go through `dispatch`, the same validation every adapter uses, one at a time.
 * `GET /events` streams every committed change to the open pages
 * (events-route.ts) behind the same checks as the API.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { isApiMethod } from '../../shared/api/dispatch.ts';
import { queuedDispatch } from './queued-dispatch.ts';
import { err } from '../../shared/result.ts';
import { openNotebook } from '../host/open.ts';
import { EventHub } from './events-route.ts';
import { REVISION_HEADER } from '../../shared/api/events.ts';
import { SECURITY_HEADERS } from './headers.ts';
import { resolveStaticFile } from './static-files.ts';

/** Largest API body: a 20 MB import grows by a third in base64, plus the JSON around it. */
export const MAX_BODY_BYTES = 30 * 1024 * 1024;
export const TOKEN_HEADER = 'x-notebook-token';
/** On the event stream: the last revision the page has applied, so it is sent what it missed. */
export const SINCE_HEADER = 'x-notebook-since';
const HOST = '127.0.0.1';

export interface ServerOptions {
  notebookDir: string;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** Fixed token for tests; by default 32 fresh random bytes per launch. */
  token?: string;
}

export interface RunningServer {
  /** The address to open, token included: http://127.0.0.1:PORT/#token=TOKEN */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: string, contentType: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

/** Plain-text refusals: the caller is not our page, so it gets no JSON to act on. */
function refuse(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  send(res, status, message + '\n', 'text/plain; charset=utf-8', { ...extra, Connection: 'close' });
}

/** Constant-time token check; comparing digests keeps it constant-time even when lengths differ. */
export function tokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Headers a request may carry once: every check here reads one of them. */
const SINGLETON_HEADERS = new Set(['host', 'origin', 'sec-fetch-site', 'content-type', 'content-length', TOKEN_HEADER, SINCE_HEADER]);

/** Whether one of SINGLETON_HEADERS appears more than once (Node keeps only the first of some and joins others). */
function repeatedSingleton(req: IncomingMessage): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    if (!SINGLETON_HEADERS.has(name)) continue;
    if (seen.has(name)) return true;
    seen.add(name);
  }
  return false;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(header(req, 'content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpFailure(413, 'request body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpFailure(413, 'request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const BUILD_MISSING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Research Notebook</title></head>
<body><h1>Research Notebook</h1>
<p>The notebook's interface has not been built yet. Run <code>npm run build</code> in the project folder, then reload this page.</p>
</body></html>
`;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  // Store, service and call queue composed in one place (electron/host/open.ts); `serve` hosts the notebook for the CLI.
  const notebook = await openNotebook(options.notebookDir, { write: 'required', host: 'serve' });
  const { service, queue: enqueue } = notebook;
  const hub = new EventHub(service);
  let port = 0;
  const allowedHosts = () => [`${HOST}:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  /** Why a request does not come from our own page (null when it does): the checks every API call and the event stream pass. */
  function callerRefusal(req: IncomingMessage): string | null {
    const origin = header(req, 'origin');
    if (origin !== undefined && !allowedOrigins().includes(origin)) return 'foreign origin';
    // "same-site" is not enough: a page served from another port of this machine is same-site.
    const fetchSite = header(req, 'sec-fetch-site');
    if (fetchSite !== undefined && fetchSite !== 'same-origin') return 'cross-site request';
    if (!tokenMatches(token, req.headers[TOKEN_HEADER])) return 'missing or wrong token';
    return null;
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') {
      refuse(res, 405, 'the event stream accepts GET only', { Allow: 'GET' });
      return;
    }
    const refusal = callerRefusal(req);
    if (refusal) {
      refuse(res, 403, refusal);
      return;
    }
    const since = header(req, SINCE_HEADER);
    if (since !== undefined && !/^\d{1,15}$/.test(since)) {
      refuse(res, 400, 'bad revision');
      return;
    }
    hub.serve(req, res, since === undefined ? null : Number(since));
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'the API accepts POST only', { Allow: 'POST' });
    const refusal = callerRefusal(req);
    if (refusal) return refuse(res, 403, refusal);
    if (!isApiMethod(method)) return refuse(res, 404, 'unknown method');
    const type = (header(req, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return refuse(res, 415, 'the API accepts application/json only');
    const body = await readBody(req);
    let args: unknown;
    try {
      args = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return send(res, 400, JSON.stringify(err('invalid_argument', 'the request body is not valid JSON')), 'application/json; charset=utf-8');
    }
    const result = await queuedDispatch(enqueue, service, method, args);
    // The revision this call left the notebook at: the page waits until it has applied the pushed changes up to it.
    send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8', { [REVISION_HEADER]: String(service.rev) });
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    const file = await resolveStaticFile(options.staticDir, pathname);
    if (!file) {
      const built = await access(join(options.staticDir, 'index.html')).then(
        () => true,
        () => false,
      );
      if (!built && (pathname === '/' || pathname === '/index.html')) return send(res, 503, BUILD_MISSING_PAGE, 'text/html; charset=utf-8');
      return refuse(res, 404, 'not found');
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' });
    if (req.method === 'HEAD') return void res.end();
    await new Promise<void>((resolve) => {
      const stream = createReadStream(file.path);
      stream.on('error', () => {
        res.destroy();
        resolve();
      });
      stream.on('end', resolve);
      stream.pipe(res);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Two Host (or token, Origin…) headers: which one a check reads would decide what it lets through. Refuse them all.
    if (repeatedSingleton(req)) return refuse(res, 400, 'a header that may appear once appears more than once');
    // DNS rebinding: a page on evil.example resolved to 127.0.0.1 still says "Host: evil.example".
    const host = header(req, 'host');
    if (!host || !allowedHosts().includes(host.toLowerCase())) return refuse(res, 403, 'unknown host');
    const raw = req.url ?? '/';
    if (!raw.startsWith('/')) return refuse(res, 400, 'bad request');
    const pathname = raw.split(/[?#]/, 1)[0]!;
    if (pathname === '/events') return handleEvents(req, res);
    if (pathname === '/api' || pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length));
    return handleStatic(req, res, pathname);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpFailure) {
        refuse(res, e.status, e.message);
        // Stop reading an oversized upload instead of draining it.
        req.destroy();
      } else if (!res.headersSent) refuse(res, 500, 'internal error');
      else res.destroy();
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    hub.close();
    await notebook.close();
    throw e;
  }
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // Stops hosting, lets an in-flight commit finish, then the lock goes.
      await notebook.close();
    })());

  return { url: `http://${HOST}:${port}/#token=${token}`, port, token, close };
}
