/**
 * The parent's side of one writer session (test/torture/child.ts): runs the bundled
 * writer, folds each acknowledged commit into the model as its line arrives, kills
 * the writer with SIGKILL when the session's kill rule says so, and after the
 * session reopens the notebook and judges it against the model (support/records.ts).
 */
import { spawn } from 'node:child_process';
import { NotebookStore } from '../../../electron/storage/store.ts';
import { pendingQuarantine } from '../../../electron/storage/quarantine.ts';
import type { Change } from '../../../shared/model/view.ts';
import type { ChildConfig } from '../child.ts';
import { applyChanges, digestOf, judge, snapshotOf } from './records.ts';
import type { Differences, Snapshot } from './records.ts';

export interface KillRule {
  /** Kill once this many commits are acknowledged… */
  afterAcks?: number;
  /** …or once this many operations are done… */
  afterOps?: number;
  /** …or at the first `p <phase>` line once `afterAcks` (default 0) commits are acknowledged. */
  onPhase?: string;
}

export interface Session {
  acks: number;
  ops: number;
  /** The commit announced and not acknowledged when the writer died. */
  inFlight: Change[] | null;
  killed: boolean;
  /** Operations that made more than one commit (an operation in flight could then land in part). */
  multiCommitOps: string[];
  /** At a clean close: whether every record the writer held equalled the model (null: killed). */
  memoryMatched: boolean | null;
  /** What the kill was sent at: 'ack' (the ack count), 'op cap', or the phase line. */
  killedAt: string | null;
}

/** Runs one writer session; acknowledged commits are applied to `model` as they arrive. */
export function runSession(bundle: string, cfg: ChildConfig, kill: KillRule | null, model: Snapshot): Promise<Session> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, JSON.stringify(cfg)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const s: Session = { acks: 0, ops: 0, multiCommitOps: [], memoryMatched: null, inFlight: null, killed: false, killedAt: null };
    let commitsThisOp = 0;
    let buf = '';
    let err = '';
    let done = false;
    const killNow = (at: string) => {
      if (s.killed) return;
      s.killed = true;
      s.killedAt = at;
      child.kill('SIGKILL');
    };
    const line = (l: string) => {
      if (l.startsWith('c ')) {
        s.inFlight = JSON.parse(l.slice(2)) as Change[];
        commitsThisOp++;
      } else if (l === 'a') {
        applyChanges(model, s.inFlight ?? []);
        s.inFlight = null;
        s.acks++;
      } else if (l === 'f') s.inFlight = null;
      else if (l === 'r') commitsThisOp = 0;
      else if (l.startsWith('o ')) {
        s.ops++;
        if (commitsThisOp > 1) s.multiCommitOps.push(l.slice(2));
        commitsThisOp = 0;
      } else if (l.startsWith('m ')) s.memoryMatched = l.slice(2) === digestOf(model);
      else if (l === 'done') done = true;
      if (!kill) return;
      if (kill.afterAcks !== undefined && !kill.onPhase && s.acks >= kill.afterAcks) killNow('ack');
      if (kill.afterOps !== undefined && s.ops >= kill.afterOps) killNow('op cap');
      if (kill.onPhase && l === `p ${kill.onPhase}` && s.acks >= (kill.afterAcks ?? 0)) killNow(kill.onPhase);
    };
    // Every complete line counts, also those read after the kill was sent: they were written before the writer died.
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        line(buf.slice(0, i));
        buf = buf.slice(i + 1);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      // A torn last line is a `c` line cut short: that commit had not started.
      if (s.killed && signal === 'SIGKILL') resolve(s);
      else if (!s.killed && code === 0 && done) resolve(s);
      else reject(new Error(`writer ended by itself (code ${code}, signal ${signal}): ${err.trim().slice(0, 2000)}`));
    });
  });
}

export interface Check {
  /** Why the notebook did not open, or what opening had to report besides a cut last log line. */
  corrupt: string | null;
  differences: Differences;
  landed: boolean | null;
  /** Texts of sources (and their versions) that cannot be read back. */
  badTexts: string[];
  /** Recovery notes (a cut last log line is the only one a kill may leave). */
  recovery: string[];
  records: number;
}

const CUT_TAIL = /^wal\.log: its last change \(line \d+\) was cut short/;

/**
 * Reopens the notebook (as a reader, or as the next writer would) and judges it
 * against the model; a commit in flight that landed is folded into the model.
 */
export async function reopenAndCheck(dir: string, model: Snapshot, inFlight: Change[] | null, write: 'never' | 'required', load: 'all' | 'lazy' = 'all'): Promise<Check> {
  let store: NotebookStore;
  try {
    store = await NotebookStore.open(dir, { write, load });
  } catch (e) {
    return { corrupt: `open failed: ${e instanceof Error ? e.message : String(e)}`, differences: { missing: [], changed: [], extra: [] }, landed: null, badTexts: [], recovery: [], records: 0 };
  }
  try {
    const odd = store.recovery.filter((r) => !CUT_TAIL.test(r));
    const blocked = pendingQuarantine(dir);
    const corrupt = odd.length || blocked.length || store.recovery.length > 1 ? `reported on open: ${[...store.recovery, ...blocked.map((b) => JSON.stringify(b))].join(' | ')}` : null;
    const actual = snapshotOf(store.memory);
    const j = judge(model, actual, inFlight);
    if (j.landed && inFlight) applyChanges(model, inFlight);
    const badTexts: string[] = [];
    for (const src of store.memory.sources()) {
      for (const sha of [src.sha256, ...src.versions.map((v) => v.sha256)]) {
        await store.getText(sha).catch((e: unknown) => badTexts.push(`${src.id} ${sha.slice(0, 12)}: ${e instanceof Error ? e.message : String(e)}`));
      }
    }
    return { corrupt, differences: j.differences, landed: j.landed, badTexts, recovery: [...store.recovery], records: actual.size };
  } finally {
    await store.close();
  }
}
