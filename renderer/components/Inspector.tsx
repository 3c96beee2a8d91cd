/**
 * The right-hand panel: the selected quote or claim, with everything about it
 * editable. It folds to a narrow strip (the button at its top, remembered across
 * reloads) to give the text room on a narrow window; opening a quote's note or
 * tags from elsewhere unfolds it.
 */
import { setInspectorCollapsed } from '../state/actions/navigation.ts';
import { useStore } from '../state/store.ts';
import { ClaimInspector } from './ClaimInspector.tsx';
import { QuoteInspector } from './QuoteInspector.tsx';

export function Inspector() {
  const selected = useStore((s) => s.selected);
  const collapsed = useStore((s) => s.inspectorCollapsed);
  const quote = useStore((s) => (selected?.kind === 'quote' ? s.index.quote(selected.id) : undefined));
  const claim = useStore((s) => (selected?.kind === 'claim' ? s.index.claim(selected.id) : undefined));
  if (collapsed) {
    return (
      <aside className="inspector collapsed" aria-label="Inspector">
        <button type="button" className="icon-button inspector-toggle" aria-expanded="false" aria-label="Show the inspector" title="Show the inspector" onClick={() => setInspectorCollapsed(false)}>
          ‹
        </button>
        {(quote || claim) && <span className="inspector-strip-label">{quote ? 'Quote' : 'Claim'}</span>}
      </aside>
    );
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      <button type="button" className="icon-button inspector-toggle" aria-expanded="true" aria-label="Hide the inspector" title="Hide the inspector" onClick={() => setInspectorCollapsed(true)}>
        ›
      </button>
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
