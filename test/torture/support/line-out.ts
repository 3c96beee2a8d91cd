/**
 * How the torture writer reports: one line written with write(2) and returned from
 * only once the kernel holds all of it, so a reported line is in the pipe and
 * survives a SIGKILL. (process.stdout queues in the process when the pipe is full,
 * and a kill drops the queue: the parent would miss acknowledgements.)
 */
import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

export function writeLine(fd: number, line: string): void {
  const bytes = Buffer.from(line + '\n');
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 1); // the reader is behind: give it a millisecond
    }
  }
}
