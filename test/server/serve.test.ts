/**
 * `notebook serve`: prints exactly one line (the URL with its token) and nothing
 * else on stdout, holds the notebook's writer lock while it runs, and releases it
 * when stopped with SIGINT or SIGTERM. Also: the socket is bound to 127.0.0.1 only.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerServe } from '../../electron/cli/serve.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { rawRequest, tempDir } from './helpers.ts';

const URL_LINE = /^Research Notebook is running at http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]{43})$/;

async function lockIsFree(dir: string): Promise<boolean> {
  try {
    const store = await NotebookStore.open(dir, { write: 'required' });
    await store.close();
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'locked') return false;
    throw e;
  }
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor<T>(probe: () => T | undefined): Promise<T> {
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('notebook serve (in process)', () => {
  it('prints one URL line, holds the lock, binds 127.0.0.1 only, and releases the lock on SIGTERM', async () => {
    const dir = join(await tempDir('nb-serve-'), 'notebook');
    const out: string[] = [];
    const errors: string[] = [];
    const program = new Command('notebook').exitOverride();
    registerServe(program, () => dir, { out: (t) => out.push(t), err: (t) => errors.push(t) });
    const running = program.parseAsync(['serve', '--port', '0'], { from: 'user' });

    const line = await waitFor(() => out[0]);
    const [, port, token] = URL_LINE.exec(line) ?? [];
    expect(port && token).toBeTruthy();
    const res = await rawRequest(Number(port), { method: 'POST', path: '/api/getInfo', headers: { 'Content-Type': 'application/json', 'X-Notebook-Token': token! }, body: '{}' });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { path: dir } });
    expect(await lockIsFree(dir)).toBe(false);

    // Binding 127.0.0.1 means no other address of this machine answers, not even IPv6 loopback.
    const others = [
      '::1',
      ...Object.values(networkInterfaces())
        .flat()
        .filter((a) => a && !a.internal)
        .map((a) => a!.address),
    ];
    for (const host of others) expect(await canConnect(host, Number(port)), host).toBe(false);
    expect(await canConnect('127.0.0.1', Number(port))).toBe(true);

    process.emit('SIGTERM', 'SIGTERM');
    await running;
    expect(await lockIsFree(dir)).toBe(true);
    expect(out).toHaveLength(1);
    // The only thing it may say on stderr is the reminder to build the interface.
    expect(errors.filter((e) => !e.includes('npm run build'))).toEqual([]);
    expect(process.listenerCount('SIGTERM') + process.listenerCount('SIGINT')).toBe(0);
  });

  it('with --json prints the address as one JSON document', async () => {
    const dir = join(await tempDir('nb-serve-'), 'notebook');
    const out: string[] = [];
    const program = new Command('notebook').exitOverride();
    registerServe(program, () => dir, { out: (t) => out.push(t), err: () => {} });
    const running = program.parseAsync(['serve', '--port', '0', '--json'], { from: 'user' });
    const doc = JSON.parse(await waitFor(() => out[0])) as { url: string; port: number };
    expect(doc.url).toBe(`http://127.0.0.1:${doc.port}/${doc.url.slice(doc.url.indexOf('#'))}`);
    expect(URL_LINE.exec(`Research Notebook is running at ${doc.url}`)).not.toBeNull();
    process.emit('SIGTERM', 'SIGTERM');
    await running;
    expect(out).toHaveLength(1);
  });

  it('refuses a port that is not a number', async () => {
    const program = new Command('notebook').exitOverride().configureOutput({ writeErr: () => {} });
    registerServe(program, () => '/nonexistent', { out: () => {}, err: () => {} });
    await expect(program.parseAsync(['serve', '--port', 'eighty'], { from: 'user' })).rejects.toThrow(/not a port number/);
  });
});

describe('notebook serve (as a process)', () => {
  it('writes exactly the one URL line to stdout and releases the lock on SIGINT', async () => {
    const dir = join(await tempDir('nb-serve-'), 'notebook');
    const cli = fileURLToPath(new URL('./fixtures/serve-cli.mjs', import.meta.url));
    const child = spawn(process.execPath, [cli, '--notebook', dir, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    await waitFor(() => (stdout.includes('\n') || child.exitCode !== null ? true : undefined));
    const port = Number(URL_LINE.exec(stdout.trimEnd())?.[1]);
    expect(stdout, stderr).toMatch(new RegExp(URL_LINE.source.slice(0, -1) + '\\n$'));
    expect(await lockIsFree(dir)).toBe(false);
    const page = await rawRequest(port, { path: '/' });
    expect([200, 503]).toContain(page.status);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(await lockIsFree(dir)).toBe(true);
  });
});
