/**
 * The writer the torture and soak scripts run (bundled once, see support/bundle.ts):
 * opens a real notebook folder the way the app does (electron/host/open.ts) and
 * makes seeded random edits through the contract (dispatch), reporting on stdout,
 * one line each (each in the pipe before the next step starts: support/line-out.ts):
 *   c <changes JSON>  a commit is about to be written (it is in flight until…)
 *   a                 …that commit is acknowledged (the store's commit resolved)
 *   f                 …that commit was refused (nothing written)
 *   p <phase>         about to compact / import a large file / trash / restore; or a backup snapshot is being copied
 *   r                 opened (and seeded, when empty): the random operations start
 *   o <kind>          one operation done
 *   m <digest>        before the clean close: a hash of every record the writer holds in memory (support/records.ts)
 *   done              the notebook was closed cleanly (after `ops` operations)
 * Without `ops` it writes until it is killed.
 */
import { dispatch } from '../../shared/api/dispatch.ts';
import type { Change } from '../../shared/model/view.ts';
import { openNotebook } from '../../electron/host/open.ts';
import { applyEdit } from '../core/edit-ops.ts';
import type { Nb } from '../core/history-support.ts';
import { HARBOUR, ORCHARD, b64 } from '../core/history-support.ts';
import { mulberry32 } from '../bench/stats.ts';
import { digestOf, snapshotOf } from './support/records.ts';
import { writeLine } from './support/line-out.ts';

export interface ChildConfig {
  dir: string;
  seed: number;
  /** Operations before a clean close; none: write until killed. */
  ops?: number;
  /** Add the torture-only kinds: explicit compaction and imports of a large text. */
  torture?: boolean;
}

/** Edit kinds of test/core/edit-ops.ts, weighted so the notebook neither empties nor grows without bound. */
const WEIGHTS: [string, number][] = [
  ['quote', 8],
  ['editQuote', 4],
  ['deleteQuote', 3],
  ['claim', 4],
  ['editClaim', 3],
  ['deleteClaim', 2],
  ['link', 2],
  ['evidence', 2],
  ['notConflict', 1],
  ['renameSource', 2],
  ['renameTag', 2],
  ['mergeTags', 1],
  ['deleteSource', 1],
  ['restoreSource', 1],
  ['emptyTrash', 1],
  ['import', 2],
  ['newVersion', 1],
  ['undo', 2],
  ['redo', 1],
];
const TORTURE_WEIGHTS: [string, number][] = [
  ['compact', 2],
  ['bigImport', 1],
];
const PHASE: Record<string, string> = { compact: 'compact', bigImport: 'import', deleteSource: 'trash', restoreSource: 'trash', emptyTrash: 'trash' };

const cfg = JSON.parse(process.argv[2]!) as ChildConfig;
const out = (line: string) => writeLine(1, line);
const nb = await openNotebook(cfg.dir, { write: 'required' });
const { store, service } = nb;

let backupSeen = false;
const commit = store.commit.bind(store);
store.commit = async (changes: readonly Change[]) => {
  out(`c ${JSON.stringify(changes)}`);
  try {
    await commit(changes);
  } catch (e) {
    out('f');
    throw e;
  }
  out('a');
  if (!backupSeen && store.snapshotInProgress()) {
    backupSeen = true;
    out('p backup');
  }
};

const call = async (method: string, args: unknown) => {
  const r = await dispatch(service, method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
};
// The quote phrases of edit-ops.ts are in these two articles.
if ([...store.memory.sources()].length === 0) {
  await call('importFile', { fileName: 'harbour.md', dataBase64: b64(HARBOUR) });
  await call('importFile', { fileName: 'orchard.txt', dataBase64: b64(ORCHARD) });
}
out('r');

const rand = mulberry32(cfg.seed);
const weights = cfg.torture ? [...WEIGHTS, ...TORTURE_WEIGHTS] : WEIGHTS;
const sum = weights.reduce((s, [, w]) => s + w, 0);
const pickKind = () => {
  let r = rand() * sum;
  for (const [k, w] of weights) if ((r -= w) < 0) return k;
  return weights[0]![0];
};
const num = () => Math.floor(rand() * 51);

/** A text of about `chars` characters no other import has (its figures come from the seed and the op number). */
const bigText = (n: number, chars: number) => {
  const parts: string[] = [`Survey ${cfg.seed}-${n}`, ''];
  for (let i = 0, len = 0; len < chars; i++) {
    const line = `Lock ${i} of survey ${cfg.seed}-${n} counted ${Math.floor(rand() * 1e6)} barges and ${i % 97} tugs in week ${i % 52}.`;
    parts.push(line);
    len += line.length + 1;
  }
  return parts.join('\n');
};

for (let n = 0; cfg.ops === undefined || n < cfg.ops; n++) {
  const kind = pickKind();
  const op = { kind, a: num(), b: num(), text: num() };
  // Made before the phase line, so that a kill sent at the line lands in the import itself.
  const text = kind === 'bigImport' ? bigText(n, 200_000 + Math.floor(rand() * 800_000)) : '';
  if (PHASE[kind]) out(`p ${PHASE[kind]}`);
  if (kind === 'compact') store.compact();
  else if (kind === 'bigImport') await dispatch(service, 'importText', { text, title: `Survey ${n}` });
  else await applyEdit({ ...nb, call, close: nb.close } as unknown as Nb, op);
  out(`o ${kind}`);
}
out(`m ${digestOf(snapshotOf(store.memory))}`);
await nb.close();
out('done');
