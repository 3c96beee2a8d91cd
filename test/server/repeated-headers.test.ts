/**
 * A request that repeats a header every check reads (Host, Origin, the token…)
 * is refused before any check runs: which copy a check saw would otherwise decide
 * what it lets through. Sent over a raw socket, because HTTP clients merge repeats.
 */
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../electron/server/server.ts';
import type { RunningServer } from '../../electron/server/server.ts';
import { fakeRendererBuild, fingerprint, tempDir } from './helpers.ts';

let server: RunningServer;
let notebookDir: string;

/** Sends `lines` as one HTTP/1.1 request and returns the status line. */
function raw(lines: string[], body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.end([...lines, `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close', '', body].join('\r\n')));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('end', () => resolve(answer.split('\r\n')[0]!));
    socket.on('error', reject);
  });
}

beforeAll(async () => {
  notebookDir = join(await tempDir('nb-repeat-'), 'notebook');
  server = await startServer({ notebookDir, port: 0, staticDir: (await fakeRendererBuild()).staticDir });
});
afterAll(async () => {
  await server?.close();
});

describe('repeated headers', () => {
  const host = () => `Host: 127.0.0.1:${server.port}`;
  const good = () => [host(), `X-Notebook-Token: ${server.token}`, 'Content-Type: application/json'];

  it('answers a well-formed request', async () => {
    expect(await raw(['POST /api/listSources HTTP/1.1', ...good()], '{}')).toBe('HTTP/1.1 200 OK');
  });

  it('refuses two Hosts, two tokens, two Origins or two content types, and changes nothing', async () => {
    const before = await fingerprint(join(notebookDir, '..'));
    const body = JSON.stringify({ text: 'The tide rose 3 metres.', title: 'Tide' });
    for (const extra of ['Host: evil.example', `X-Notebook-Token: ${server.token}`, 'Origin: http://evil.example', 'Content-Type: text/plain']) {
      const origin = extra.startsWith('Origin') ? [`Origin: http://127.0.0.1:${server.port}`] : [];
      expect(await raw(['POST /api/importText HTTP/1.1', ...good(), ...origin, extra], body)).toBe('HTTP/1.1 400 Bad Request');
    }
    expect(await raw(['GET /events HTTP/1.1', host(), host()])).toBe('HTTP/1.1 400 Bad Request');
    expect(await fingerprint(join(notebookDir, '..'))).toBe(before);
  });
});
