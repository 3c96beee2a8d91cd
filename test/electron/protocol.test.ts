/**
 * The app:// protocol handler: serves the renderer build with the same CSP and
 * headers as the browser-mode server, and nothing outside the build folder.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, registerAppProtocol } from '../../electron/main/protocol.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../electron/server/headers.ts';
import { fakeRendererBuild, tempDir } from '../server/helpers.ts';

let build: Awaited<ReturnType<typeof fakeRendererBuild>>;
let handler: (r: Request) => Promise<Response>;
beforeAll(async () => {
  build = await fakeRendererBuild();
  handler = createAppProtocolHandler(build.staticDir);
});

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme named app', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const handled: string[] = [];
    registerAppProtocol({ handle: (scheme: string) => void handled.push(scheme) } as never, build.staticDir);
    expect(handled).toEqual(['app']);
  });

  it('serves index.html and assets with the CSP and the other security headers', async () => {
    const page = await handler(new Request('app://notebook/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Research Notebook');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(page.headers.get(name)).toBe(value);
    const root = await handler(new Request('app://notebook/'));
    expect(root.status).toBe(200);
    const script = await handler(new Request('app://notebook/assets/app.js'));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each(['app://notebook/%2e%2e/secret.txt', 'app://notebook/assets/escape.txt', 'app://notebook/assets/parent/secret.txt', 'app://notebook/assets/..%2f..%2fsecret.txt', 'app://other/index.html'])(
    'refuses %s',
    async (url) => {
      const res = await handler(new Request(url));
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(build.secret);
    },
  );

  it('refuses anything but GET and HEAD', async () => {
    expect((await handler(new Request('app://notebook/index.html', { method: 'POST', body: '{}' }))).status).toBe(405);
  });

  it('says to build the renderer when there is no build', async () => {
    const missing = createAppProtocolHandler(join(await tempDir('nb-nobuild-'), 'renderer'));
    const res = await missing(new Request('app://notebook/index.html'));
    expect(await res.text()).toContain('npm run build');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
