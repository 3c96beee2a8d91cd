/** Tag chips with remove buttons and an input to add more (comma-separated, `parent/child` for nesting). */
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../state/store.ts';

export function TagEditor({ tags, onAdd, onRemove, focusSeq }: { tags: string[]; onAdd: (raw: string) => void; onRemove: (tag: string) => void; focusSeq?: number }) {
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const known = useStore((s) => s.tags);
  const colorOf = new Map(known.map((t) => [t.tag.name, t.tag.color]));
  useEffect(() => {
    if (focusSeq) input.current?.focus();
  }, [focusSeq]);
  return (
    <div className="tag-editor">
      <ul className="chips" aria-label="Tags">
        {tags.length === 0 && <li className="subtle">No tags</li>}
        {tags.map((t) => (
          <li key={t} className="chip">
            <span className="chip-dot" style={{ background: colorOf.get(t) ?? 'var(--muted)' }} aria-hidden="true" />
            <span>{t}</span>
            <button type="button" className="chip-remove" aria-label={`Remove tag ${t}`} onClick={() => onRemove(t)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!value.trim()) return;
          onAdd(value);
          setValue('');
        }}
      >
        <input ref={input} list="known-tags" aria-label="Add tag" placeholder="Add tag, e.g. energy/coal" value={value} onChange={(e) => setValue(e.currentTarget.value)} />
        <datalist id="known-tags">
          {known.map((t) => (
            <option key={t.tag.name} value={t.tag.name} />
          ))}
        </datalist>
        <button type="submit" className="button small" disabled={!value.trim()}>
          Add tag
        </button>
      </form>
    </div>
  );
}
