/** A Markdown note: edited as plain text, previewed through the markdown module (sanitized). */
import { useEffect, useRef, useState } from 'react';
import { Markdown } from '../markdown/Markdown.tsx';

export function NoteEditor({ note, onSave, focusSeq }: { note: string; onSave: (note: string) => void; focusSeq?: number }) {
  const [value, setValue] = useState(note);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => setValue(note), [note]);
  useEffect(() => {
    if (focusSeq) area.current?.focus();
  }, [focusSeq]);
  const dirty = value !== note;
  return (
    <div className="note-editor">
      <label className="field">
        <span className="visually-hidden">Note</span>
        <textarea ref={area} rows={4} value={value} onChange={(e) => setValue(e.currentTarget.value)} placeholder="Why this matters, caveats, follow-ups… (Markdown)" />
      </label>
      <div className="actions">
        <button type="button" className="button small" disabled={!dirty} onClick={() => onSave(value)}>
          Save note
        </button>
        {dirty && (
          <button type="button" className="button small ghost" onClick={() => setValue(note)}>
            Revert
          </button>
        )}
      </div>
      {value.trim() && (
        <div className="note-preview" aria-label="Note preview" role="region">
          <Markdown source={value} />
        </div>
      )}
    </div>
  );
}
