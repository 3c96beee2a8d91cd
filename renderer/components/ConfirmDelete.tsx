/** A delete button that asks once more ("Confirm delete …") before it acts. */
import { useState } from 'react';

export function ConfirmDelete({ what, onDelete }: { what: string; onDelete: () => void }) {
  const [confirming, setConfirming] = useState(false);
  return confirming ? (
    <button type="button" className="button danger" onClick={onDelete}>
      Confirm delete {what}
    </button>
  ) : (
    <button type="button" className="button ghost danger-text" onClick={() => setConfirming(true)}>
      Delete {what}
    </button>
  );
}
