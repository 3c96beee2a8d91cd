/**
 * What opening the notebook had to repair (the store's recovery notes: a damaged
 * line of the log, a cut-short last change, a misplaced or duplicate record file),
 * shown once at the top of the window as a notice that names what happened, what
 * was kept and where the copy is, and what to do; dismissed with its button.
 */
import { useEffect, useState } from 'react';
import { must } from '../state/actions/common.ts';
import { useStore } from '../state/store.ts';

export function RecoveryNotice() {
  const loaded = useStore((s) => s.loaded);
  const [found, setFound] = useState<{ path: string; notes: string[] } | null>(null);
  const [dismissed, setDismissed] = useState(false);

  // Asked again whenever a notebook is (re)loaded: another notebook has its own notes.
  useEffect(() => {
    if (!loaded) return;
    let current = true;
    must('getInfo', {}).then(
      (info) => {
        if (!current) return;
        setFound(info.recovery?.length ? { path: info.path, notes: info.recovery } : null);
        setDismissed(false);
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [loaded]);

  if (!found || dismissed) return null;
  return (
    <section
      className="recovery-notice"
      role="alert"
      aria-labelledby="recovery-title"
      style={{ margin: '12px 16px', padding: '12px 16px', border: '1px solid var(--danger)', borderRadius: 8, background: 'var(--panel)', color: 'var(--text)' }}
    >
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <div>
          <h2 id="recovery-title" style={{ margin: '0 0 6px', fontSize: '1rem' }}>
            This notebook was repaired when it opened
          </h2>
          <ul style={{ margin: '0 0 6px', paddingLeft: 20 }}>
            {found.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
          <p className="subtle" style={{ margin: 0 }}>
            What to do: check your most recent edits — anything the notes say was not used can be made again. The copies they name are in the notebook folder ({found.path}); keep them until you are
            satisfied nothing is missing, then delete them.
          </p>
        </div>
        <button type="button" className="button small" onClick={() => setDismissed(true)}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
