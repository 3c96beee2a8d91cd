/** A source's details in the Library: each field saved as you type, and a paged source's page offset. */
import { useId } from 'react';
import type { SourceSummary } from '../../shared/api/contract.ts';
import { savePageOffset, saveSourceField } from '../state/actions/autosave.ts';
import { sourceToForm } from '../state/derive.ts';
import type { SourceForm } from '../state/derive.ts';
import { FieldError, SaveState } from './SaveState.tsx';
import { useAutosave } from './useAutosave.ts';

const FIELDS: { key: keyof SourceForm; label: string; placeholder?: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'authors', label: 'Authors', placeholder: 'Comma-separated' },
  { key: 'publisher', label: 'Publisher' },
  { key: 'published', label: 'Published', placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD' },
  { key: 'url', label: 'URL' },
  { key: 'accessed', label: 'Accessed', placeholder: 'YYYY-MM-DD' },
];

/** A source's details, each field saved as you type; a field the service cannot take says why beside it. */
export function SourceEditor({ source, onDone }: { source: SourceSummary; onDone: () => void }) {
  const form = sourceToForm(source);
  return (
    <form
      className="source-editor"
      aria-label={`Details of ${source.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        onDone();
      }}
    >
      <div className="form-grid">
        {FIELDS.map((f) => (
          <SourceField key={f.key} sourceId={source.id} field={f} saved={form[f.key]} />
        ))}
        {source.pages && <PageOffsetField sourceId={source.id} saved={source.pages.offset === undefined ? '' : String(source.pages.offset)} />}
      </div>
      <div className="actions">
        <button type="submit" className="button primary">
          Done
        </button>
        <span className="subtle">Changes are saved as you type; undo (Ctrl+Z) takes them back.</span>
      </div>
    </form>
  );
}

/** A paged source's page offset: page k of the file is cited as k + N; empty, the page labels found at import. */
function PageOffsetField({ sourceId, saved }: { sourceId: string; saved: string }) {
  const auto = useAutosave(`source:${sourceId}:pageOffset`, saved, (v) => savePageOffset(sourceId, v));
  const id = useId();
  return (
    <div className="field" data-autosave="">
      <div className="field-head">
        <label htmlFor={id}>Page offset</label>
        <SaveState status={auto.status} />
      </div>
      <input
        id={id}
        {...auto.bind}
        inputMode="numeric"
        placeholder="Empty: the page numbers found at import; 1646 cites page 1 as 1647"
        aria-invalid={auto.problem ? true : undefined}
        aria-describedby={auto.problem ? id + 'e' : undefined}
      />
      <FieldError problem={auto.problem} id={id + 'e'} />
    </div>
  );
}

function SourceField({ sourceId, field, saved }: { sourceId: string; field: (typeof FIELDS)[number]; saved: string }) {
  const auto = useAutosave(`source:${sourceId}:${field.key}`, saved, (v) => saveSourceField(sourceId, field.key, v));
  const id = useId();
  return (
    <div className="field" data-autosave="">
      <div className="field-head">
        <label htmlFor={id}>{field.label}</label>
        <SaveState status={auto.status} />
      </div>
      <input id={id} {...auto.bind} placeholder={field.placeholder} aria-invalid={auto.problem ? true : undefined} aria-describedby={auto.problem ? id + 'e' : undefined} />
      <FieldError problem={auto.problem} id={id + 'e'} />
    </div>
  );
}
