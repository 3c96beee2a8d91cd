/** Transient messages (what was undone, what failed), announced politely to screen readers. */
import * as A from '../state/actions.ts';
import { useStore } from '../state/store.ts';

export function Toasts() {
  const toasts = useStore((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={'toast toast-' + t.kind}>
          <span>{t.text}</span>
          <button type="button" className="icon-button small" aria-label="Dismiss message" onClick={() => A.dismissToast(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
