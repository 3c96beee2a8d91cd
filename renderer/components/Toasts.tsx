/**
 * Transient messages (what was undone, what failed), in the window's bottom
 * right corner over the inspector, away from the text column. They never catch
 * the mouse (pointer-events: none, except their buttons), so a drag that ends on
 * one still ends in the text. Information is announced politely, failures at
 * once (role="alert"); a failure shows what to do first and the service's own
 * words behind "Details".
 */
import * as A from '../state/actions.ts';
import { describeFailure } from '../state/actions/autosave.ts';
import { useStore } from '../state/store.ts';
import { ProblemDetail } from './SaveState.tsx';

export function Toasts() {
  const toasts = useStore((s) => s.toasts);
  const info = toasts.filter((t) => t.kind === 'info');
  const errors = toasts.filter((t) => t.kind === 'error');
  return (
    <div className="toasts">
      {/* An alert is announced when it appears, so it exists only while there is a failure to tell. */}
      {errors.length > 0 && (
        <div role="alert" className="toast-group">
          {errors.map((t) => {
            const p = describeFailure(t.text);
            return (
              <div key={t.id} className="toast toast-error">
                <div className="toast-body">
                  <span>{p.message}</span>
                  <ProblemDetail detail={p.detail} />
                </div>
                <button type="button" className="icon-button small" aria-label="Dismiss message" onClick={() => A.dismissToast(t.id)}>
                  ×
                </button>
              </div>
            );
          })}
        </div>
      )}
      <div role="status" aria-live="polite" className="toast-group">
        {info.map((t) => (
          <div key={t.id} className="toast toast-info">
            <span className="toast-body">{t.text}</span>
            <button type="button" className="icon-button small" aria-label="Dismiss message" onClick={() => A.dismissToast(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
