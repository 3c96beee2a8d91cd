/** The plan of a reference import (Library → Import references…): what each entry would do, then Apply or Cancel. */
import { useState } from 'react';
import type { RefPlanEntry } from '../../shared/api/contract.ts';
import { applyReferences } from '../state/actions/references.ts';
import type { ReferencePlan } from '../state/actions/references.ts';
import { Modal } from './Modal.tsx';

const STATUS: Record<RefPlanEntry['status'], string> = { matched: 'Matches a source', new: 'New source stub', duplicate: 'Already in the notebook', skipped: 'Skipped' };
const BY: Record<NonNullable<RefPlanEntry['matchedBy']>, string> = { doi: 'by DOI', url: 'by address', title: 'by title and year' };

function detail(e: RefPlanEntry): string {
  if (e.status === 'matched') return `${BY[e.matchedBy!]}: fills ${e.fills.join(', ')}`;
  if (e.status === 'new') return 'a source with these details and no text yet; importing the file later fills it';
  return [e.matchedBy ? BY[e.matchedBy] : '', e.note ?? ''].filter(Boolean).join('; ');
}

export function ReferencesDialog({ plan, onClose }: { plan: ReferencePlan; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const { entries, counts } = plan.plan;
  const changes = counts.matched + counts.new;
  return (
    <Modal label="Import references" onClose={onClose} className="wide">
      <div className="dialog-body">
        <h2>Import references from {plan.fileName}</h2>
        <p className="subtle" role="status">
          {counts.matched} matched, {counts.new} new, {counts.duplicate} already in the notebook{counts.skipped ? `, ${counts.skipped} skipped` : ''}. Nothing has changed yet.
        </p>
        <ul className="plain-list" aria-label="References">
          {entries.map((e, i) => (
            <li key={i}>
              <strong>{STATUS[e.status]}</strong> — {e.title}{' '}
              <span className="subtle">
                ({e.key}
                {detail(e) ? `; ${detail(e)}` : ''})
              </span>
            </li>
          ))}
        </ul>
        <div className="actions end">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy || changes === 0}
            onClick={() => {
              setBusy(true);
              void applyReferences(plan).then((ok) => (ok ? onClose() : setBusy(false)));
            }}
          >
            {changes === 0 ? 'Nothing to apply' : 'Apply'}
          </button>
        </div>
      </div>
    </Modal>
  );
}
