/**
 * A real `notebook serve` process hosting a notebook: `notebook import`, `quote`,
 * `sources --json` and `undo` run against it from other processes go through it
 * (the open page's API sees their edits at once, undo reaches the last edit
 * whoever made it), a second `serve` refuses in one line naming the host, and
 * once it stops the CLI opens the notebook itself again.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_FILE, readHostRecord } from '../../electron/host/record.ts';
import { BIN, cli, cliProcess, tempDir } from '../support/notebook.ts';
import { rawRequest } from '../server/helpers.ts';

const URL_LINE = /^Research Notebook is running at http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]{43})$/m;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

async function serve(dir: string): Promise<{ child: ChildProcess; port: number; token: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, '--notebook', dir, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<RegExpExecArray>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const m = URL_LINE.exec(stdout);
      if (m) resolve(m);
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, port: Number(line[1]), token: line[2]!, exited };
}

const api = (port: number, token: string, method: string, args: unknown = {}) =>
  rawRequest(port, { method: 'POST', path: `/api/${method}`, headers: { 'Content-Type': 'application/json', 'X-Notebook-Token': token }, body: JSON.stringify(args) }).then((r) => JSON.parse(r.body));

describe('CLI commands while `notebook serve` hosts the notebook', () => {
  it('go to it, show at once in its API, undo its last edit whoever made it, and work on their own once it stops', async () => {
    const dir = join(tempDir(), 'notebook');
    const s = await serve(dir);
    expect(existsSync(join(dir, HOST_FILE))).toBe(true);

    const file = join(tempDir(), 'ferry.txt');
    writeFileSync(file, 'Ferry notes\n\nThe ferry ran 14 crossings a day in August, up from 11 a year earlier.');
    const imported = cliProcess(dir, ['import', file, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const id = imported.json.results[0].source.id;

    const quote = await cli(dir, ['quote', id, '--exact', '14 crossings a day', '--json']);
    expect(quote.code, quote.stderr).toBe(0);
    const inPage = await api(s.port, s.token, 'listQuotes');
    expect(inPage.value.map((q: any) => q.id)).toEqual([quote.json.quote.id]);

    // An edit made in the page, then undone from the command line.
    const pageEdit = await api(s.port, s.token, 'updateQuote', { id: quote.json.quote.id, patch: { note: 'check the August timetable' } });
    expect(pageEdit.ok).toBe(true);
    expect((await cli(dir, ['undo'])).stdout).toBe('Undid: edit note of quote “14 crossings a day”\n');
    expect((await api(s.port, s.token, 'listQuotes')).value[0].note).toBe('');
    expect((await cli(dir, ['undo'])).stdout).toBe('Undid: quote “14 crossings a day”\n');
    expect((await api(s.port, s.token, 'listQuotes')).value).toEqual([]);

    const sources = await cli(dir, ['sources', '--json']);
    expect(sources.json.sources.map((x: any) => x.id)).toEqual([id]);

    const second = cliProcess(dir, ['serve', '--port', '0']);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(new RegExp(`^notebook: the notebook at .* is already open in \`notebook serve\` \\(pid ${s.child.pid}\\); use the address it printed, or close it first\\n$`));

    s.child.kill('SIGINT');
    expect(await s.exited).toBe(0);
    expect(existsSync(join(dir, HOST_FILE))).toBe(false);
    const alone = await cli(dir, ['sources', '--json']);
    expect(alone.stdout).toBe(sources.stdout);
    expect((await cli(dir, ['undo'])).stderr).toMatch(/^notebook: Nothing to undo: no app or `notebook serve` has this notebook open/);
  });

  it('after the host was killed, find its record stale and open the notebook themselves; the next host replaces it', async () => {
    const dir = join(tempDir(), 'notebook');
    const s = await serve(dir);
    s.child.kill('SIGKILL');
    await s.exited;
    expect(existsSync(join(dir, HOST_FILE))).toBe(true);
    const file = join(tempDir(), 'weir.txt');
    writeFileSync(file, 'Weir repairs\n\nThe weir at Salden was closed for nine days.');
    const r = await cli(dir, ['import', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const next = await serve(dir);
    expect((await readHostRecord(dir))!.pid).toBe(next.child.pid);
    expect((await cli(dir, ['sources', '--json'])).json.sources).toHaveLength(1);
    expect((await api(next.port, next.token, 'listSources')).value).toHaveLength(1);
  });
});
