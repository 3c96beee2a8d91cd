/**
 * Autosave's shared half: which fields hold typing not saved yet (so the window
 * can warn before it closes or reloads), the saves of single fields that report
 * their failure to the field instead of a toast, and the wording of those
 * failures in the researcher's words with the technical text kept as detail.
 *
 * Each save is one `edit` (one request, returning once the page shows it); the
 * service joins edits of the same fields of one record within a few seconds
 * into one undo step (electron/service/history.ts), so saving at every pause
 * still undoes a typing burst at once.
 */
import type { ClaimStatus, HighlightColor } from '../../../shared/model/records.ts';
import { sourceFieldProblem } from '../derive.ts';
import { pageOffsetProblem } from '../source-form.ts';
import type { SourceForm } from '../derive.ts';
import { store } from '../store.ts';
import { ApiFailure, edit } from './common.ts';

/** A failed save, for the field: what to do about it first, the service's own words second. */
export interface FieldProblem {
  message: string;
  detail: string | null;
}

const unsaved = new Set<string>();

/** Marks a field as holding unsaved typing (or saved again). Keys are the fields' own, e.g. "note:q_…". */
export function setUnsaved(key: string, dirty: boolean): void {
  if (dirty) unsaved.add(key);
  else unsaved.delete(key);
}

/** Whether anything typed is not saved yet. */
export function hasUnsaved(): boolean {
  return unsaved.size > 0;
}

/** The people's version of a service refusal; technical text (argument paths, schema wording) goes to `detail`. */
export function describeFailure(raw: string): FieldProblem {
  const m = /^invalid arguments for \w+: (?:[\w.]+\.)?(\w+): (.*)$/.exec(raw);
  if (m) {
    const [, field, why] = m;
    const readable = why!.replace(/^expected /, 'write ').replace(/^Too big: expected string to have <=(\d+) characters$/, 'keep it under $1 characters');
    return { message: `${field![0]!.toUpperCase()}${field!.slice(1)}: ${readable.endsWith('.') ? readable : readable + '.'}`, detail: raw };
  }
  if (/not reachable|Access denied/.test(raw)) return { message: 'Not saved: the notebook could not be reached. Your text is kept here; it is saved when the notebook answers again.', detail: raw };
  return { message: raw[0]!.toUpperCase() + raw.slice(1), detail: null };
}

async function attempt(fn: () => Promise<unknown>): Promise<FieldProblem | null> {
  try {
    await fn();
    return null;
  } catch (e) {
    return describeFailure(e instanceof ApiFailure || e instanceof Error ? e.message : String(e));
  }
}

export function saveQuoteNote(id: string, note: string): Promise<FieldProblem | null> {
  if (!store.get().index.quote(id)) return Promise.resolve({ message: 'This quote was deleted; the note cannot be saved.', detail: null });
  return attempt(() => edit('updateQuote', { id: id as never, patch: { note } }));
}

export function saveClaimField(id: string, patch: { statement?: string; note?: string; status?: ClaimStatus }): Promise<FieldProblem | null> {
  if (!store.get().index.claim(id)) return Promise.resolve({ message: 'This claim was deleted; the change cannot be saved.', detail: null });
  if (patch.statement !== undefined && !patch.statement.trim()) return Promise.resolve({ message: 'A claim needs a statement: type what the sources say.', detail: null });
  return attempt(() => edit('updateClaim', { id: id as never, patch: patch.statement !== undefined ? { ...patch, statement: patch.statement.trim() } : patch }));
}

export function saveQuoteColor(id: string, color: HighlightColor): Promise<FieldProblem | null> {
  return attempt(() => edit('updateQuote', { id: id as never, patch: { color } }));
}

/**
 * Saves one field of a source's details as typed in the form. The form's rules
 * (a title is required, dates are written 2021, 2021-05 or 2021-05-24) are
 * checked first, so a half-typed date gets a sentence at the field, not a request.
 */
export function saveSourceField(id: string, key: keyof SourceForm, value: string): Promise<FieldProblem | null> {
  const problem = sourceFieldProblem(key, value);
  if (problem) return Promise.resolve({ message: problem, detail: null });
  const v = value.trim();
  const patch =
    key === 'authors'
      ? {
          authors: v
            .split(/[;,]/)
            .map((a) => a.trim())
            .filter(Boolean),
        }
      : key === 'title'
        ? { title: v }
        : { [key]: v ? v : null };
  return attempt(() => edit('updateSource', { id, patch: patch as never }));
}

/** Saves a paged source's page offset as typed; empty goes back to the page labels found at import. */
export function savePageOffset(id: string, value: string): Promise<FieldProblem | null> {
  const problem = pageOffsetProblem(value);
  if (problem) return Promise.resolve({ message: problem, detail: null });
  const v = value.trim();
  return attempt(() => edit('updateSource', { id: id as never, patch: { pageOffset: v ? Number(v) : null } }));
}
