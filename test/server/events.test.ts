/**
 * The browser mode's change stream (GET /events): it pushes every committed write
 * to our own page and to nobody else — the same checks as an API call — and a page
 * that reconnects gets exactly what it missed, or is told to reset.
 */
import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotebookEvent } from '../../shared/api/events.ts';
import { startServer } from '../../electron/server/server.ts';
import type { RunningServer } from '../../electron/server/server.ts';
import { fakeRendererBuild, rawRequest, tempDir } from './helpers.ts';

let server: RunningServer;

const goodHeaders = () => ({ 'X-Notebook-Token': server.token, Origin: `http://127.0.0.1:${server.port}`, 'Sec-Fetch-Site': 'same-origin' });
const api = async (method: string, args: unknown) => {
  const res = await rawRequest(server.port, { method: 'POST', path: `/api/${method}`, headers: { ...goodHeaders(), 'Content-Type': 'application/json' }, body: JSON.stringify(args) });
  return { body: JSON.parse(res.body), rev: Number(res.headers['x-notebook-revision']) };
};

/** Opens the stream and collects its events until `close()`. */
function listen(headers: Record<string, string>): Promise<{ status: number; next(type?: NotebookEvent['type']): Promise<NotebookEvent>; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: '/events', headers: { Host: `127.0.0.1:${server.port}`, ...headers }, setHost: false }, (res: IncomingMessage) => {
      const events: NotebookEvent[] = [];
      let wake: () => void = () => {};
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (!data) continue;
          events.push(JSON.parse(data.slice(6)) as NotebookEvent);
          wake();
        }
      });
      /** The next event of `type`, skipping events of other types (judgements arrive whenever they are ready). */
      const next = async (type: NotebookEvent['type'] = 'changes'): Promise<NotebookEvent> => {
        for (;;) {
          const i = events.findIndex((e) => e.type === type);
          if (i >= 0) return events.splice(0, i + 1).at(-1)!;
          await new Promise<void>((r) => (wake = r));
        }
      };
      resolve({ status: res.statusCode ?? 0, next, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const build = await fakeRendererBuild();
  server = await startServer({ notebookDir: join(await tempDir('nb-events-'), 'notebook'), port: 0, staticDir: build.staticDir });
});
afterAll(async () => {
  await server?.close();
});

describe('the change stream', () => {
  it('pushes each committed write with its records, revision and history, and the API answer names the same revision', async () => {
    const stream = await listen(goodHeaders());
    expect(stream.status).toBe(200);
    const imported = await api('importText', { text: 'The ferry carried 212 passengers on its first crossing.', title: 'Ferry log' });
    const e = await stream.next();
    expect(e).toMatchObject({ type: 'changes', rev: imported.rev, history: { undo: expect.stringContaining('Ferry log') } });
    if (e.type !== 'changes') throw new Error('expected changes');
    expect(e.changes).toEqual([{ kind: 'source', op: 'put', record: imported.body.value.source }]);
    const quote = await api('createQuote', { sourceId: imported.body.value.source.id, exact: '212 passengers' });
    const q = await stream.next();
    expect(q).toMatchObject({ type: 'changes', rev: imported.rev + 1, changes: [{ kind: 'quote', op: 'put', record: quote.body.value }] });
    // Undo is a write like any other: pushed too.
    await api('undo', {});
    expect(await stream.next()).toMatchObject({ type: 'changes', rev: imported.rev + 2, changes: [{ kind: 'quote', op: 'delete', id: quote.body.value.id }] });
    stream.close();
  });

  it("pushes the claim assistant's new judgement after a claim edit, at the revision it judged", async () => {
    const stream = await listen(goodHeaders());
    await api('createClaim', { statement: 'The ferry carried about 210 passengers on its first crossing' });
    const second = await api('createClaim', { statement: 'The ferry carried 480 passengers on its first crossing' });
    // A judgement of the first claim alone may come first (it was current when sent); the one that counts judges both.
    let judged = await stream.next('judgement');
    while (judged.rev < second.rev) judged = await stream.next('judgement');
    expect(judged.rev).toBe(second.rev);
    if (judged.type !== 'judgement') throw new Error('expected a judgement');
    expect(judged.judgement.conflicts).toHaveLength(1);
    expect(judged.judgement.conflicts[0]!.reason).toMatch(/210.*480|480.*210/);
    stream.close();
  });

  it('sends a reconnecting page what it missed, in order, and tells one too far behind to reset', async () => {
    const { rev } = await api('historyState', {});
    await api('importText', { text: 'The lock opened at dawn, 14 minutes late.', title: 'Lock log' });
    await api('importText', { text: 'Barges waited 2 hours at the weir.', title: 'Weir log' });
    const caughtUp = await listen({ ...goodHeaders(), 'X-Notebook-Since': String(rev) });
    const first = await caughtUp.next();
    const second = await caughtUp.next();
    expect([first.rev, second.rev]).toEqual([rev + 1, rev + 2]);
    expect([first, second].map((e) => (e.type === 'changes' && e.changes[0]!.kind === 'source' && e.changes[0]!.op === 'put' ? e.changes[0]!.record.title : null))).toEqual(['Lock log', 'Weir log']);
    caughtUp.close();
    // A revision the server never reached (another run's page) cannot be caught up: reset.
    const confused = await listen({ ...goodHeaders(), 'X-Notebook-Since': String(rev + 1000) });
    expect(await confused.next('reset')).toEqual({ type: 'reset', rev: rev + 2 });
    confused.close();
  });

  it('refuses a stream to anyone but our page: no token, a wrong token, another site or origin, a foreign Host', async () => {
    const token = { 'X-Notebook-Token': server.token };
    for (const headers of [{} as Record<string, string>, { 'X-Notebook-Token': 'x'.repeat(43) }, { ...token, 'Sec-Fetch-Site': 'same-site' }, { ...token, Origin: 'http://evil.example' }]) {
      const res = await rawRequest(server.port, { path: '/events', headers });
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.body).not.toContain('data:');
    }
    expect((await rawRequest(server.port, { path: '/events', headers: token, host: 'evil.example' })).status).toBe(403);
    expect((await rawRequest(server.port, { method: 'POST', path: '/events', headers: token })).status).toBe(405);
    expect((await rawRequest(server.port, { path: '/events', headers: { ...token, 'X-Notebook-Since': '-1' } })).status).toBe(400);
    const res = await listen(token);
    expect(Object.keys(res).length).toBeGreaterThan(0);
    res.close();
  });
});
