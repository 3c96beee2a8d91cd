/**
 * The torture writer's report lines (support/line-out.ts) survive a kill -9 sent as
 * soon as the writer has written them, even while the reader is behind: a line the
 * parent never sees would count as a lost acknowledgement or an unacknowledged record.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/notebook.ts';

const LINES = 20_000;

/**
 * Starts a writer that says "started" on stderr, reports LINES lines, then says
 * "wrote"; kills it at "wrote"; resolves with the number of lines read. (With
 * process.stdout instead of writeLine, most of the lines are lost this way.)
 */
function writeThenKill(body: string): Promise<number> {
  const script = join(tempDir('nb-line-out-'), 'writer.ts');
  writeFileSync(script, body);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    // The reader is behind: it starts reading a while after the writer starts writing, so the pipe fills.
    child.stdout.pause();
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    let said = '';
    child.stderr.on('data', (d: Buffer) => {
      said += d.toString();
      if (said === 'started') setTimeout(() => child.stdout.resume(), 300);
      else if (said === 'startedwrote') {
        child.kill('SIGKILL');
        child.stdout.resume();
      } else reject(new Error(said));
    });
    child.on('close', () => resolve(out.split('\n').filter((l) => /^line \d+$/.test(l)).length));
  });
}

describe('report lines of the torture writer', () => {
  it('are all read by the parent when the writer is killed right after writing them', async () => {
    const url = pathToFileURL(join(ROOT, 'test/torture/support/line-out.ts')).href;
    const n = await writeThenKill(
      `import { writeLine } from ${JSON.stringify(url)};\nprocess.stderr.write('started');\nfor (let i = 0; i < ${LINES}; i++) writeLine(1, 'line ' + i);\nprocess.stderr.write('wrote');\nsetInterval(() => {}, 1000);\n`,
    );
    expect(n).toBe(LINES);
  }, 60_000);
});
