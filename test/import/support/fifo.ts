/** Makes a named pipe (FIFO) for tests of what import refuses to read; Node has no mkfifo of its own. */
import { execFileSync } from 'node:child_process';

export function mkfifoSync(path: string): void {
  execFileSync('mkfifo', [path]);
}
