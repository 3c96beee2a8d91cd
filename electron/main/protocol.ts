/**
 * The app:// protocol: serves the packaged renderer (dist/renderer) to the window
 * with the same security headers as the browser-mode server, through the same safe
 * path resolution (no `..`, no symlink escape). Registered as standard+secure so
 * the page gets a real origin (app://notebook) with secure-context APIs.
 */
import { readFile } from 'node:fs/promises';
import type { CustomScheme, Protocol } from 'electron';
import { SECURITY_HEADERS } from '../server/headers.ts';
import { resolveStaticFile } from '../server/static-files.ts';
import { APP_HOST, APP_SCHEME } from './app-url.ts';

/**
 * Must be passed to protocol.registerSchemesAsPrivileged before the app is ready.
 * `corsEnabled` lets Chromium load Vite's `<script type="module" crossorigin>` from
 * a custom scheme; it opens nothing to other origins, since we never send CORS headers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme[] = [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }];

const BUILD_MISSING = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Research Notebook</title></head>
<body><h1>Research Notebook</h1><p>The interface has not been built. Run <code>npm run build</code> (or <code>npm start</code>) in the project folder.</p></body></html>`;

const plain = (status: number, text: string) => new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/** The request handler, separate from registration so it can be tested with plain Requests. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const file = await resolveStaticFile(rendererDir, url.pathname);
    if (!file) {
      if (url.pathname === '/' || url.pathname === '/index.html') {
        const built = await resolveStaticFile(rendererDir, '/index.html');
        if (!built) return new Response(BUILD_MISSING, { status: 503, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' } });
      }
      return plain(404, 'not found');
    }
    const body = request.method === 'HEAD' ? null : await readFile(file.path);
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType } });
  };
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
