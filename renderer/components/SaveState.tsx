/**
 * What autosave is doing for a field, beside its label: "Saving…", "Saved", or
 * the problem at the field in the researcher's words with the service's own text
 * behind "Details". Announced politely, so a screen reader hears "Saved" once.
 */
import type { FieldProblem } from '../state/actions/autosave.ts';
import type { SaveStatus } from './useAutosave.ts';

export function SaveState({ status, id }: { status: SaveStatus; id?: string }) {
  const text = status === 'saving' ? 'Saving…' : status === 'saved' ? 'Saved' : status === 'unsaved' ? 'Not saved yet' : '';
  return (
    <span className={'save-state save-' + status} id={id} role="status" aria-live="polite">
      {text}
    </span>
  );
}

export function FieldError({ problem, id }: { problem: FieldProblem | null; id: string }) {
  if (!problem) return null;
  return (
    <div className="field-error" id={id} role="alert">
      <span>{problem.message}</span>
      <ProblemDetail detail={problem.detail} />
    </div>
  );
}

/** The service's own words about a failure, folded away behind "Details". */
export function ProblemDetail({ detail }: { detail: string | null }) {
  if (!detail) return null;
  return (
    <details className="problem-detail">
      <summary>Details</summary>
      <code>{detail}</code>
    </details>
  );
}
