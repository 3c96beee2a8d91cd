/**
 * A claim's figure in the inspector: what it says with its band ("almost 70% →
 * 63–70%"), its time and how an ambiguous sign was read, and a field to set,
 * change or clear it in the researcher's own words.
 */
import { useEffect, useState } from 'react';
import type { Quantity } from '../../shared/model/records.ts';
import { bandText, formatPeriod } from '../../shared/claims/quantity.ts';
import * as A from '../state/actions.ts';

export function QuantityEditor({ claimId, quantity }: { claimId: string; quantity: Quantity | null }) {
  const [value, setValue] = useState(quantity?.raw ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setValue(quantity?.raw ?? '');
    setError(null);
  }, [quantity?.raw]);
  const dirty = value.trim() !== (quantity?.raw ?? '');
  const band = quantity ? bandText(quantity) : '';
  const save = async (text: string) => setError(await A.setClaimQuantity(claimId, text));
  return (
    <form
      className="quantity-editor"
      aria-label="Figure"
      onSubmit={(e) => {
        e.preventDefault();
        if (dirty) void save(value);
      }}
    >
      <div className="quantity-summary" data-testid="claim-quantity">
        <span className="quantity-label">Figure</span>{' '}
        {quantity ? (
          <>
            <strong>{quantity.raw}</strong>
            {band && <span className="quantity-band"> → {band}</span>}
            {quantity.kind !== 'level' && <span className="badge">{quantity.kind}</span>}
            {quantity.asOf && <span className="subtle" title={`written “${quantity.asOf.text}”`}> · as of {formatPeriod(quantity.asOf)}</span>}
            {quantity.reading && <div className="subtle">{quantity.reading}</div>}
          </>
        ) : (
          <span className="subtle">none — type one below, such as “almost 70%”</span>
        )}
      </div>
      <label className="field">
        <span className="visually-hidden">Figure as written</span>
        <input
          type="text"
          value={value}
          placeholder="e.g. almost 70%"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `quantity-error-${claimId}` : undefined}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setError(null);
          }}
        />
      </label>
      {error && (
        <p className="field-error" id={`quantity-error-${claimId}`} role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        {dirty && (
          <button type="submit" className="button small">
            Save figure
          </button>
        )}
        {quantity && !dirty && (
          <button type="button" className="button small ghost" onClick={() => void save('')}>
            Clear figure
          </button>
        )}
      </div>
    </form>
  );
}
