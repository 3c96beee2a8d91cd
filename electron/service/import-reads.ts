/**
 * Reading an import's files before the import takes its place among the writes.
 *
 * Writes run one at a time and a read waits for every write sent before it (see
 * electron/server/call-queue.ts), so an import that read its files inside its turn held
 * every later request for as long as the reading took: a 300-page PDF, one to three
 * seconds in which the app could not even list its sources. Reading a file needs no
 * notebook state, so `start` begins it as the call arrives and the call joins the queue
 * when its files are read; the import's own turn is then only the commit. The reads are
 * kept by the file's bytes (the base64 string the call carries), taken once by the
 * import (import-files.ts), and dropped when the call ends whatever became of it.
 * (Not taken: an extra "stage" method in the contract — every client would have had to
 * make two calls, and a staged read could be left behind by a client that went away.)
 */
import { readSourceFile } from '../import/importer.ts';
import type { ImportedText } from '../import/importer.ts';

type Read = Promise<ImportedText>;

/** A file of an import call as it arrived, before validation: only well-formed ones are read early. */
function filesOf(method: string, args: unknown): { fileName: string; dataBase64: string }[] {
  const a = args as { files?: unknown; fileName?: unknown; dataBase64?: unknown } | null;
  const list = method === 'importFiles' ? (Array.isArray(a?.files) ? a.files : []) : method === 'importFile' ? [a] : [];
  return list.filter((f): f is { fileName: string; dataBase64: string } => typeof f?.fileName === 'string' && typeof f?.dataBase64 === 'string');
}

export class ImportReads {
  private readonly reads = new Map<string, Read>();

  /**
   * Starts reading the files of an import call; resolves (never rejects) once they are
   * read, and gives back the function that drops what the call did not take.
   */
  start(method: string, args: unknown): { ready: Promise<void>; done: () => void } | null {
    const files = filesOf(method, args);
    if (files.length === 0) return null;
    const mine: string[] = [];
    for (const f of files) {
      if (this.reads.has(f.dataBase64)) continue;
      const read = Promise.resolve().then(() => readSourceFile(f.fileName, Buffer.from(f.dataBase64, 'base64')));
      read.catch(() => undefined); // a refusal is reported when the import takes it, not here
      this.reads.set(f.dataBase64, read);
      mine.push(f.dataBase64);
    }
    const ready = Promise.allSettled(mine.map((k) => this.reads.get(k))).then(() => undefined);
    return { ready, done: () => mine.forEach((k) => this.reads.delete(k)) };
  }

  /** The file read early for this import, or a fresh read (a call that came another way, e.g. the CLI's own process). */
  take(fileName: string, dataBase64: string): Read {
    const early = this.reads.get(dataBase64);
    this.reads.delete(dataBase64);
    return early ?? readSourceFile(fileName, Buffer.from(dataBase64, 'base64'));
  }
}
