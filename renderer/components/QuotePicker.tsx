/** A dialog to pick a quote (filtered by text, tag or source) and the relation it has to a claim. */
import { useMemo, useState } from 'react';
import type { EvidenceRelation } from '../../shared/model/records.ts';
import * as A from '../state/actions.ts';
import { excerpt } from '../state/derive.ts';
import { useStore } from '../state/store.ts';
import { Modal } from './Modal.tsx';

export function QuotePicker({ exclude, onPick, onClose }: { exclude: string[]; onPick: (quoteId: string, relation: EvidenceRelation) => void; onClose: () => void }) {
  const quotes = useStore((s) => s.quotes);
  const sources = useStore((s) => s.sources);
  const [filter, setFilter] = useState('');
  const [relation, setRelation] = useState<EvidenceRelation>('supports');
  const titleOf = useMemo(() => new Map(sources.map((s) => [s.id, s.title])), [sources]);
  const needle = filter.trim().toLocaleLowerCase();
  const rows = quotes.filter(
    (q) =>
      !exclude.includes(q.id) &&
      (!needle || q.exact.toLocaleLowerCase().includes(needle) || q.tags.some((t) => t.toLocaleLowerCase().includes(needle)) || (titleOf.get(q.sourceId) ?? '').toLocaleLowerCase().includes(needle)),
  );
  return (
    <Modal label="Pick evidence" onClose={onClose} className="wide">
      <div className="dialog-body">
        <h2>Add evidence</h2>
        <div className="picker-controls">
          <label className="field grow">
            <span>Find quotes</span>
            <input autoFocus value={filter} onChange={(e) => setFilter(e.currentTarget.value)} placeholder="Words, tag or source title" />
          </label>
          <label className="field">
            <span>Relation</span>
            <select value={relation} onChange={(e) => setRelation(e.currentTarget.value as EvidenceRelation)}>
              {A.EVIDENCE_RELATION_LIST.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
        </div>
        {rows.length === 0 ? (
          <p className="subtle">{quotes.length === 0 ? 'No quotes yet: highlight passages in the Reader first.' : 'No quotes match.'}</p>
        ) : (
          <ul className="picker-list" aria-label="Quotes">
            {rows.slice(0, 200).map((q) => (
              <li key={q.id}>
                <button type="button" className={'picker-item border-' + q.color} onClick={() => onPick(q.id, relation)}>
                  <span className="picker-quote">“{excerpt(q.exact, 160)}”</span>
                  <span className="subtle">{titleOf.get(q.sourceId)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="actions end">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}
