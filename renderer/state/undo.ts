/**
 * What the Undo and Redo buttons show. The history itself lives in the notebook
 * service (electron/service/history.ts): every edit, from any window or script in
 * that process, is recorded there with its exact inverse, and undo and redo are
 * service calls. The page only mirrors the service's `historyState`.
 */
import type { HistoryState } from '../../shared/api/contract.ts';

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
  /** What undo will reverse, in the user's words ("rename tag energy → power"). */
  undoLabel: string | null;
  redoLabel: string | null;
}

export const NO_HISTORY: UndoState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

export function undoStateOf(h: HistoryState): UndoState {
  return { canUndo: h.undo !== null, canRedo: h.redo !== null, undoLabel: h.undo, redoLabel: h.redo };
}
