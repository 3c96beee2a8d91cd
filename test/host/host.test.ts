/**
 * One host per notebook: the host record's lifecycle, stale records (a dead pid, an
 * endpoint that does not answer), the endpoint refusing a wrong secret and malformed
 * frames without changing anything, and CLI commands sent to a running host (here
 * hosted in this test process; host-serve.test.ts does it with a real `notebook serve`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findHost } from '../../electron/host/client.ts';
import { readLines } from '../../electron/host/frames.ts';
import { openNotebook } from '../../electron/host/open.ts';
import type { OpenedNotebook } from '../../electron/host/open.ts';
import { HOST_FILE, newSecret, readHostRecord, writeHostRecord } from '../../electron/host/record.ts';
import { cli, folderHash, tempDir } from '../support/notebook.ts';

const FERRY = 'Ferry notes\n\nThe ferry ran 14 crossings a day in August, up from 11 a year earlier.';
const open: OpenedNotebook[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((nb) => nb.close()));
});

async function host(dir: string): Promise<OpenedNotebook> {
  const nb = await openNotebook(dir, { write: 'required', host: 'serve' });
  open.push(nb);
  return nb;
}

function fileIn(text: string, name = 'ferry.txt'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

/** A pid that certainly belonged to a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

/** Sends raw lines to an endpoint and collects what comes back until it closes the connection. */
function rawExchange(address: string, payload: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(address);
    let data = '';
    socket.on('data', (c) => (data += c.toString('utf8')));
    socket.on('close', () => resolve(data.split('\n').filter(Boolean)));
    socket.on('error', reject);
    socket.write(payload);
  });
}

describe('the host record', () => {
  it('is written with mode 0600 while the notebook is hosted and removed on close, with its socket', async () => {
    const dir = tempDir();
    const nb = await openNotebook(dir, { write: 'required', host: 'app' });
    const record = (await readHostRecord(dir))!;
    expect(record).toMatchObject({ kind: 'app', pid: process.pid, protocol: 1 });
    expect(record.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(dir, HOST_FILE)).mode & 0o777).toBe(0o600);
    if (process.platform !== 'win32') expect(statSync(record.endpoint).mode & 0o077).toBe(0);
    const client = await findHost(dir);
    expect(client?.record.secret).toBe(record.secret);
    client!.close();
    await nb.close();
    expect(existsSync(join(dir, HOST_FILE))).toBe(false);
    expect(existsSync(record.endpoint)).toBe(false);
    expect(await findHost(dir)).toBeNull();
  });

  it('is not written by a process that opens the notebook without hosting it', async () => {
    const dir = tempDir();
    const nb = await openNotebook(dir, { write: 'required' });
    expect(nb.host).toBeNull();
    expect(existsSync(join(dir, HOST_FILE))).toBe(false);
    await nb.close();
  });
});

describe('a stale host record', () => {
  it('of a dead process is ignored: the CLI opens the notebook itself, and the next host replaces the record', async () => {
    const dir = tempDir();
    expect((await cli(dir, ['import', fileIn(FERRY)])).code).toBe(0);
    const stale = { protocol: 1 as const, kind: 'app' as const, pid: deadPid(), endpoint: join(tempDir(), 'gone.sock'), secret: newSecret(), startedAt: '2020-01-01T00:00:00.000Z' };
    await writeHostRecord(dir, stale);
    expect(await findHost(dir)).toBeNull();
    const list = await cli(dir, ['sources', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.json.sources).toHaveLength(1);
    const nb = await host(dir);
    expect((await readHostRecord(dir))!.secret).toBe(nb.host!.secret);
  });

  it('whose endpoint does not answer (a live pid, a bogus address, or a listener that never replies) is ignored', async () => {
    const dir = tempDir();
    expect((await cli(dir, ['import', fileIn(FERRY)])).code).toBe(0);
    await writeHostRecord(dir, { protocol: 1, kind: 'serve', pid: process.pid, endpoint: join(tempDir(), 'nothing-here.sock'), secret: newSecret(), startedAt: new Date().toISOString() });
    expect(await findHost(dir)).toBeNull();
    const list = await cli(dir, ['sources', '--json']);
    expect(list.json.sources, list.stderr).toHaveLength(1);

    const { createServer } = await import('node:net');
    const silent = createServer(() => {});
    const address = join(tempDir(), 'silent.sock');
    await new Promise<void>((r) => silent.listen(address, r));
    try {
      await writeHostRecord(dir, { protocol: 1, kind: 'serve', pid: process.pid, endpoint: address, secret: newSecret(), startedAt: new Date().toISOString() });
      expect(await findHost(dir, 200)).toBeNull();
    } finally {
      silent.close();
    }
  });

  it('of another live host on another notebook (same pid, other folder) is not taken for this one', async () => {
    const a = tempDir();
    const b = tempDir();
    const nb = await host(a);
    await writeHostRecord(b, nb.host!);
    expect(await findHost(b)).toBeNull();
    expect(await findHost(a)).not.toBeNull();
  });
});

describe('the endpoint', () => {
  it('refuses a wrong secret and malformed frames with one clear error, closes the connection, and changes nothing', async () => {
    const dir = tempDir();
    const nb = await host(dir);
    const before = folderHash(dir);
    const call = (secret: string) => JSON.stringify({ id: 1, secret, method: 'importText', args: { text: 'Weir repairs\n\nThe weir was shut.' } }) + '\n';
    const wrong = await rawExchange(nb.host!.endpoint, call(newSecret()));
    expect(wrong).toHaveLength(1);
    expect(JSON.parse(wrong[0]!)).toEqual({ id: 1, result: { ok: false, error: { code: 'invalid_argument', message: "refused: wrong secret for this notebook's host" } } });
    const missing = await rawExchange(nb.host!.endpoint, JSON.stringify({ id: 2, method: 'getInfo' }) + '\n');
    expect(JSON.parse(missing[0]!).result.error.message).toMatch(/wrong secret/);
    for (const [payload, why] of [
      ['{not json\n', /not valid JSON/],
      ['[1,2]\n', /not a JSON object/],
      ['{"secret":"x","method":"getInfo"}\n', /no numeric "id"/],
    ] as const) {
      const r = await rawExchange(nb.host!.endpoint, payload);
      expect(r).toHaveLength(1);
      expect(JSON.parse(r[0]!)).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(why) } } });
    }
    // Nothing after a refusal is read, not even a good frame in the same write.
    const after = await rawExchange(nb.host!.endpoint, call(newSecret()) + call(nb.host!.secret));
    expect(after).toHaveLength(1);
    expect(nb.store.memory.counts.sources).toBe(0);
    expect(folderHash(dir)).toBe(before);
  });

  it('stops reading at a line over the size limit, before buffering the rest of it', () => {
    const fake = Object.assign(new EventEmitter(), { destroyed: false }) as unknown as Socket;
    const lines: string[] = [];
    let tooLong = 0;
    readLines(
      fake,
      10,
      (l) => lines.push(l),
      () => tooLong++,
    );
    fake.emit('data', Buffer.from('short\n{"a":'));
    fake.emit('data', Buffer.from('"bcdefghij"'));
    fake.emit('data', Buffer.from('}\nmore\n'));
    expect(lines).toEqual(['short']);
    expect(tooLong).toBe(1);
  });

  it('validates arguments through the contract like every other adapter', async () => {
    const dir = tempDir();
    await host(dir);
    const client = (await findHost(dir))!;
    try {
      expect(await client.call('createQuote', { sourceId: 'nope' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', message: expect.stringMatching(/^invalid arguments for createQuote/) },
      });
      expect(await client.call('noSuchMethod', {})).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: 'unknown method "noSuchMethod"' } });
    } finally {
      client.close();
    }
  });
});

describe('CLI commands with a host running', () => {
  it('go to the host: their edits are in its memory, their output is the same as without it, and undo reaches the last edit whoever made it', async () => {
    const dir = tempDir();
    const nb = await host(dir);
    const imported = await cli(dir, ['import', fileIn(FERRY), '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const id = imported.json.results[0].source.id;
    expect(nb.store.memory.getSource(id)?.title).toBe('Ferry notes');

    const quote = await cli(dir, ['quote', id, '--exact', '14 crossings a day', '--tag', 'ferries']);
    expect(quote.code, quote.stderr).toBe(0);
    expect([...nb.store.memory.quotes()].map((q) => q.exact)).toEqual(['14 crossings a day']);

    // An edit made by the host's own caller (a window), then undone from the CLI.
    const mine = await nb.queue(() => nb.service.createQuote({ sourceId: id, exact: 'up from 11 a year earlier' } as never));
    expect(mine.ok).toBe(true);
    const undo = await cli(dir, ['undo']);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout).toBe('Undid: quote “up from 11 a year earlier”\n');
    const undo2 = await cli(dir, ['undo', '--json']);
    expect(undo2.json).toMatchObject({ label: 'quote “14 crossings a day”', history: { undo: 'import of “Ferry notes”', redo: 'quote “14 crossings a day”' } });
    expect((await cli(dir, ['redo'])).stdout).toBe('Redid: quote “14 crossings a day”\n');

    const viaHost = await cli(dir, ['sources', '--json']);
    const tagsViaHost = await cli(dir, ['tags']);
    await nb.close();
    const local = await cli(dir, ['sources', '--json']);
    expect(viaHost.code).toBe(0);
    expect(viaHost.stdout).toBe(local.stdout);
    expect(tagsViaHost.stdout).toBe((await cli(dir, ['tags'])).stdout);
  });

  it('say what there is to undo in the host, and restore has nothing to do beside it', async () => {
    const dir = tempDir();
    await host(dir);
    const undo = await cli(dir, ['undo']);
    expect(undo.code).toBe(1);
    expect(undo.stderr).toMatch(/^notebook: Nothing to undo: there is no edit to undo since `notebook serve` \(pid \d+\) opened the notebook\n$/);
    const restore = await cli(dir, ['restore']);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toBe('Nothing to restore.\n');
  });

  it('import partly through the host as one undo step', async () => {
    const dir = tempDir();
    const nb = await host(dir);
    const weir = fileIn('Weir repairs\n\nThe weir at Salden was closed for nine days.', 'weir.txt');
    const r = await cli(dir, ['import', fileIn(FERRY), fileIn('', 'empty.txt'), weir]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^notebook: empty\.txt: the file is empty\n$/);
    expect(nb.store.memory.counts.sources).toBe(2);
    expect((await cli(dir, ['undo'])).stdout).toBe('Undid: import of 2 files\n');
    expect(nb.store.memory.counts.sources).toBe(0);
  });
});
