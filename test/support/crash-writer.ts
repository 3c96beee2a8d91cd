/**
 * A process that writes to a notebook as fast as it can and prints "ack …" after
 * each write is acknowledged (the commit promise resolved). The crash test kills it
 * with SIGKILL at a random moment and checks that every acknowledged write survived.
 */
import { dispatch } from '../../shared/api/dispatch.ts';
import { NotebookService } from '../../electron/service/service.ts';
import { NotebookStore } from '../../electron/storage/store.ts';

const dir = process.argv[2]!;
const store = await NotebookStore.open(dir, { write: 'required' });
const s = new NotebookService(store);
const call = async (method: string, args: unknown): Promise<any> => {
  const r = await dispatch(s, method, args);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const text = Array.from({ length: 200 }, (_, i) => `Sentence ${i} says output rose by about ${i}% in week ${i}.`).join('\n\n');
const { source } = await call('importText', { text, title: 'Crash test' });
const words = text.split(' ');
let n = 0;
const cited: string[] = [];
for (;;) {
  n++;
  const start = text.indexOf(words[(n * 7) % words.length]!, (n * 13) % 2000);
  const q = await call('createQuote', { sourceId: source.id, range: { start, end: start + 12 }, tags: [`t/${n % 5}`] });
  process.stdout.write(`ack quote ${q.id}\n`);
  if (n % 3 === 0) {
    const c = await call('createClaim', { statement: `claim ${n}`, evidence: [{ quoteId: q.id, relation: 'supports' }], tags: ['crash'] });
    cited.push(q.id);
    process.stdout.write(`ack claim ${c.id}\n`);
  }
  if (n % 5 === 0 && cited.length) {
    // Deleting a cited quote rewrites two shards at once: the source's and the claim's.
    const id = cited.shift()!;
    // Announced first: if the kill lands mid-delete, this quote may be either gone or present.
    process.stdout.write(`try delete ${id}\n`);
    await call('deleteQuote', { id });
    process.stdout.write(`ack delete ${id}\n`);
  }
}
