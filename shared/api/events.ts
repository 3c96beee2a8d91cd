/**
 * What the notebook's host pushes to every open window: after each committed
 * write (an edit, an undo, a redo — from any window or a CLI script sent to the
 * host) the records it wrote, as Changes, with the revision they bring the
 * notebook to; and, once the claim assistant has judged the notebook again, its
 * judgement. A page loads one snapshot, then applies these in revision order and
 * derives its views from its own copy (shared/api/listings.ts), so an edit costs
 * one request and no reload. Carried over IPC in the app and over a token-guarded
 * server-sent-events stream in browser mode (electron/server/events-route.ts).
 */
import type { ConflictPair } from '../claims/conflicts.ts';
import type { Claim, Quote, SourceMeta, Tag, TrashEntry } from '../model/records.ts';
import type { Change } from '../model/view.ts';
import type { ConflictItem, HistoryState } from './contract.ts';

/** The claim assistant's judgement at one revision: the pairs and the items the Claims view lists. */
export interface JudgementState {
  pairs: ConflictPair[];
  conflicts: ConflictItem[];
  figureChanges: ConflictItem[];
}

export type NotebookEvent =
  /** One committed write: `rev` is the notebook's revision after it (each write adds one). */
  | { type: 'changes'; rev: number; changes: Change[]; history: HistoryState }
  /** The judgement as of revision `rev` (sent only while no later write has happened). */
  | { type: 'judgement'; rev: number; judgement: JudgementState }
  /** The listener missed events it cannot be sent again: load a fresh snapshot. */
  | { type: 'reset'; rev: number };

/** Everything a page needs to start: the records, the history buttons and the judgement, at revision `rev`. */
export interface NotebookSnapshot {
  rev: number;
  sources: SourceMeta[];
  quotes: Quote[];
  claims: Claim[];
  tags: Tag[];
  /** Deleted sources waiting in the Trash, exactly as stored. */
  trash: TrashEntry[];
  history: HistoryState;
  judgement: JudgementState;
}

/** The header (HTTP) or field (IPC) that tells a caller which revision its write brought the notebook to. */
export const REVISION_HEADER = 'x-notebook-revision';
