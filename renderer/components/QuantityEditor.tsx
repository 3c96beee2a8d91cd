/**
 * A claim's figure in the inspector: what it says with its band ("almost 70% →
 * 63–70%"), its time and how an ambiguous sign was read, and a field to set,
 * change or clear it in the researcher's own words, saved as you type.
 */
import { useId } from 'react';
import type { Quantity } from '../../shared/model/records.ts';
import { bandText, formatPeriod } from '../../shared/claims/quantity.ts';
import * as A from '../state/actions.ts';
import { describeFailure } from '../state/actions/autosave.ts';
import { FieldError, SaveState } from './SaveState.tsx';
import { useAutosave } from './useAutosave.ts';

export function QuantityEditor({ claimId, quantity }: { claimId: string; quantity: Quantity | null }) {
  const save = async (text: string) => {
    const e = await A.setClaimQuantity(claimId, text.trim());
    return e ? describeFailure(e) : null;
  };
  const auto = useAutosave('figure:' + claimId, quantity?.raw ?? '', save);
  const id = useId();
  const band = quantity ? bandText(quantity) : '';
  return (
    <div className="quantity-editor" role="group" aria-label="Figure">
      <div className="quantity-summary" data-testid="claim-quantity">
        <span className="quantity-label">Figure</span>{' '}
        {quantity ? (
          <>
            <strong>{quantity.raw}</strong>
            {band && <span className="quantity-band"> → {band}</span>}
            {quantity.kind !== 'level' && <span className="badge">{quantity.kind}</span>}
            {quantity.asOf && (
              <span className="subtle" title={`written “${quantity.asOf.text}”`}>
                {' '}
                · as of {formatPeriod(quantity.asOf)}
              </span>
            )}
            {quantity.reading && <div className="subtle">{quantity.reading}</div>}
          </>
        ) : (
          <span className="subtle">none — type one below, such as “almost 70%”</span>
        )}
      </div>
      <div className="field" data-autosave="">
        <div className="field-head">
          <label htmlFor={id + 'q'} className="visually-hidden">
            Figure as written
          </label>
          <SaveState status={auto.status} />
        </div>
        <input
          id={id + 'q'}
          type="text"
          {...auto.bind}
          placeholder="e.g. almost 70%"
          aria-invalid={auto.problem ? true : undefined}
          aria-describedby={auto.problem ? `quantity-error-${claimId}` : undefined}
        />
      </div>
      <FieldError problem={auto.problem} id={`quantity-error-${claimId}`} />
      {quantity && auto.draft.trim() === quantity.raw && (
        <div className="actions">
          <button type="button" className="button small ghost" onClick={() => auto.setDraft('')}>
            Clear figure
          </button>
        </div>
      )}
    </div>
  );
}
