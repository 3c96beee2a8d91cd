/**
 * A process that moves sources to the trash and back as fast as it can, printing
 * "ack trash <id>" / "ack restore <id>" after each commit is acknowledged (and
 * "try …" before it starts). The trash crash test kills it with SIGKILL at a
 * random moment: each deletion and restore rewrites a source shard, a trash file
 * and a claim shard in one commit, so a torn one would show as a source in both
 * places, in neither, or as dangling evidence.
 */
import { dispatch } from '../../../shared/api/dispatch.ts';
import { NotebookService } from '../../../electron/service/service.ts';
import { NotebookStore } from '../../../electron/storage/store.ts';

const s = new NotebookService(await NotebookStore.open(process.argv[2]!, { write: 'required' }));
const call = async (method: string, args: unknown): Promise<any> => {
  const r = await dispatch(s, method as never, args as never);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const ids: string[] = [];
for (let i = 0; i < 6; i++) {
  const text = `Depot ${i} report\n\nThe depot repaired ${30 + i} trams in week ${i}, about ${i + 2}% more than planned.`;
  const { source } = await call('importText', { text, title: `Depot ${i}` });
  const q = await call('createQuote', { sourceId: source.id, exact: `repaired ${30 + i} trams` });
  await call('createClaim', { statement: `Depot ${i} repaired trams`, evidence: [{ quoteId: q.id, relation: 'supports' }] });
  ids.push(source.id);
}
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const id = ids[n % ids.length]!;
  const trashed = s.store.memory.getTrashed(id as never) !== undefined;
  const verb = trashed ? 'restore' : 'trash';
  process.stdout.write(`try ${verb} ${id}\n`);
  await call(trashed ? 'restoreSource' : 'deleteSource', { id });
  process.stdout.write(`ack ${verb} ${id}\n`);
}
