/** The right-hand panel: the selected quote or claim, with everything about it editable. */
import { useStore } from '../state/store.ts';
import { ClaimInspector } from './ClaimInspector.tsx';
import { QuoteInspector } from './QuoteInspector.tsx';

export function Inspector() {
  const selected = useStore((s) => s.selected);
  const quote = useStore((s) => (selected?.kind === 'quote' ? s.index.quote(selected.id) : undefined));
  const claim = useStore((s) => (selected?.kind === 'claim' ? s.index.claim(selected.id) : undefined));
  return (
    <aside className="inspector" aria-label="Inspector">
      {quote ? (
        <QuoteInspector key={quote.id} quote={quote} />
      ) : claim ? (
        <ClaimInspector key={claim.claim.id} detail={claim} />
      ) : (
        <div className="inspector-empty">
          <h2>Inspector</h2>
          <p>Select a highlight in the Reader or a claim in the Claims table to see and edit its tags, note, evidence and links.</p>
        </div>
      )}
    </aside>
  );
}
