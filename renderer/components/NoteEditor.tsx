/**
 * A Markdown note: edited as plain text and saved as you type (see useAutosave),
 * previewed through the markdown module (sanitized).
 */
import { useEffect, useId, useRef } from 'react';
import { Markdown } from '../markdown/Markdown.tsx';
import type { FieldProblem } from '../state/actions/autosave.ts';
import { FieldError, SaveState } from './SaveState.tsx';
import { useAutosave } from './useAutosave.ts';

export function NoteEditor({ fieldKey, note, save, focusSeq }: { fieldKey: string; note: string; save: (note: string) => Promise<FieldProblem | null>; focusSeq?: number }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const auto = useAutosave(fieldKey, note, save);
  const id = useId();
  useEffect(() => {
    if (focusSeq) area.current?.focus();
  }, [focusSeq]);
  return (
    <div className="note-editor" data-autosave="">
      <div className="field-head">
        <label htmlFor={id + 'note'}>Note</label>
        <SaveState status={auto.status} />
      </div>
      <textarea
        id={id + 'note'}
        ref={area}
        rows={4}
        {...auto.bind}
        aria-invalid={auto.problem ? true : undefined}
        aria-describedby={auto.problem ? id + 'err' : undefined}
        placeholder="Why this matters, caveats, follow-ups… (Markdown; saved as you type)"
      />
      <FieldError problem={auto.problem} id={id + 'err'} />
      {auto.draft.trim() && (
        <div className="note-preview" aria-label="Note preview" role="region">
          <Markdown source={auto.draft} />
        </div>
      )}
    </div>
  );
}
