/**
 * Autosave for one text field: saves after a short pause in typing, at once on
 * blur and on Ctrl/Cmd+Enter, and when the field goes away (another quote picked)
 * with typing not yet saved. It reports "Saving…", "Saved" or the problem, and
 * keeps the field in the unsaved set meanwhile so closing the window warns.
 *
 * The draft is never overwritten by the saved value it is ahead of: when our own
 * save comes back while the researcher kept typing, the newer typing stays; an
 * outside change (undo, another window) is taken only while the field is clean.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { setUnsaved } from '../state/actions/autosave.ts';
import type { FieldProblem } from '../state/actions/autosave.ts';

/** The pause after the last keystroke before saving: long enough not to save mid-word, short enough to feel immediate. */
export const AUTOSAVE_PAUSE_MS = 800;

export type SaveStatus = 'clean' | 'unsaved' | 'saving' | 'saved' | 'failed';

export interface Autosave {
  draft: string;
  setDraft: (v: string) => void;
  status: SaveStatus;
  problem: FieldProblem | null;
  /** Saves now (blur, Ctrl/Cmd+Enter). */
  flush: () => void;
  /** Field props: value, change, blur and the Ctrl/Cmd+Enter key. */
  bind: {
    value: string;
    onChange: (e: { currentTarget: { value: string } }) => void;
    onBlur: () => void;
    onKeyDown: (e: KeyboardEvent) => void;
  };
}

export function useAutosave(key: string, saved: string, save: (value: string) => Promise<FieldProblem | null>, pauseMs = AUTOSAVE_PAUSE_MS): Autosave {
  const [draft, setDraftState] = useState(saved);
  const [status, setStatus] = useState<SaveStatus>('clean');
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const draftRef = useRef(saved);
  /** The last value that is saved or on its way: a draft equal to it needs no save. */
  const sentRef = useRef(saved);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const live = useRef(true);

  const run = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = draftRef.current;
    if (value === sentRef.current) return;
    sentRef.current = value;
    if (live.current) setStatus('saving');
    void saveRef.current(value).then((p) => {
      // A field that went away keeps nothing to warn about: its last save was tried, and failed at the field if it did.
      if (!live.current) return setUnsaved(key, false);
      if (p) sentRef.current = '\u0000unsaved';
      const current = draftRef.current === value;
      if (current) setUnsaved(key, p !== null);
      setProblem(p);
      setStatus(p ? 'failed' : current ? 'saved' : 'unsaved');
    });
  }, [key]);

  const setDraft = useCallback(
    (v: string) => {
      draftRef.current = v;
      setDraftState(v);
      const dirty = v !== sentRef.current;
      setUnsaved(key, dirty);
      setStatus(dirty ? 'unsaved' : 'saved');
      if (timer.current) clearTimeout(timer.current);
      timer.current = dirty ? setTimeout(run, pauseMs) : null;
    },
    [key, pauseMs, run],
  );

  // The saved value changed: our own save coming back, or an outside change taken only while the field is clean.
  useEffect(() => {
    if (saved === sentRef.current) return;
    if (draftRef.current === sentRef.current) {
      sentRef.current = saved;
      draftRef.current = saved;
      setDraftState(saved);
    }
  }, [saved]);

  // Leaving (another record selected, view changed): save what is typed.
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      if (draftRef.current !== sentRef.current) run();
      else setUnsaved(key, false);
    };
  }, [key, run]);

  return {
    draft,
    setDraft,
    status,
    problem,
    flush: run,
    bind: {
      value: draft,
      onChange: (e) => setDraft(e.currentTarget.value),
      onBlur: run,
      onKeyDown: (e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          run();
        }
      },
    },
  };
}
