/**
 * Runs a writer script on a notebook folder and kills it with SIGKILL once it has
 * printed `after` acknowledgements ("ack …" lines), i.e. in the middle of its next
 * writes. Counting acknowledgements instead of waiting a fixed time keeps the kill
 * in the middle of the burst however loaded the machine is.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../support/notebook.ts';

/** Resolves with the writer's complete output lines (a torn last line was never acknowledged). */
export function writeThenKill(script: string, dir: string, after: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!killed && (out.match(/^ack /gm)?.length ?? 0) >= after) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself: ${err}`));
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}
