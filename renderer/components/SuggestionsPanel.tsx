/**
 * Beside the Reader: figures the claim assistant found in the open source, with
 * their hedge ("about", "up to"), unit and subject. Accept makes a quote of the
 * sentence's figure and a claim citing it; Dismiss hides the figure for good.
 */
import { bandText, formatPeriod } from '../../shared/claims/quantity.ts';
import { useEffect, useState } from 'react';
import type { SuggestionItem } from '../../shared/api/contract.ts';
import * as A from '../state/actions.ts';
import { useStore } from '../state/store.ts';

export function SuggestionsPanel({ sourceId }: { sourceId: string }) {
  // What the list depends on: the source's text and decisions, and the claims (a claim citing a figure marks it "claimed").
  // A new highlight changes neither, so it costs no request here.
  const source = useStore((s) => s.index.source(sourceId));
  const decisions = source ? `${source.sha256} ${JSON.stringify(source.suggestions)}` : '';
  const claims = useStore((s) => s.claims);
  const [items, setItems] = useState<SuggestionItem[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void A.loadSuggestions(sourceId).then((list) => live && setItems(list));
    return () => {
      live = false;
    };
  }, [sourceId, decisions, claims]);

  const decide = async (key: string, action: 'accept' | 'dismiss') => {
    setBusy(key);
    if (await A.decideSuggestion(sourceId, key, action)) setItems((cur) => cur?.filter((s) => s.key !== key) ?? null);
    setBusy(null);
  };

  return (
    <aside className="suggestions" aria-label="Suggested figures">
      <h2>Suggested figures {items && items.length > 0 ? <span className="count">{items.length}</span> : null}</h2>
      {items === null ? (
        <p className="subtle">Looking for figures…</p>
      ) : items.length === 0 ? (
        <p className="subtle">No open suggestions in this source.</p>
      ) : (
        <ul className="suggestion-list">
          {items.map((s) => (
            <li key={s.key} className="suggestion" aria-label={`Suggested figure ${s.figure.raw}`}>
              <div className="suggestion-figure">
                <strong>{s.figure.raw}</strong>
                {s.figure.hedge && <span className="chip small">{s.figure.hedge}</span>}
                {bandText(s.figure) && <span className="subtle">→ {bandText(s.figure)}</span>}
                {s.figure.asOf && <span className="subtle">as of {formatPeriod(s.figure.asOf)}</span>}
                {s.figure.unit && !bandText(s.figure) && <span className="subtle">{s.figure.unit}</span>}
                {s.claimedBy && (
                  <span className="chip small" title="A claim already states this figure; accepting it confirms that claim and adds nothing new">
                    claimed
                  </span>
                )}
              </div>
              {s.figure.subject && <div className="suggestion-subject">{s.figure.subject}</div>}
              <SentenceWithFigure item={s} />
              <div className="actions">
                <button type="button" className="button small primary" disabled={busy === s.key} aria-label={`Accept ${s.figure.raw}`} onClick={() => void decide(s.key, 'accept')}>
                  Accept
                </button>
                <button type="button" className="button small" disabled={busy === s.key} aria-label={`Dismiss ${s.figure.raw}`} onClick={() => void decide(s.key, 'dismiss')}>
                  Dismiss
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

/** The sentence with its figure marked; offsets are both into the source text. */
function SentenceWithFigure({ item }: { item: SuggestionItem }) {
  const { text, start } = item.sentence;
  const a = item.figure.start - start;
  const b = item.figure.end - start;
  if (a < 0 || b > text.length || a >= b) return <p className="suggestion-sentence">{text}</p>;
  return (
    <p className="suggestion-sentence">
      {text.slice(0, a)}
      <mark>{text.slice(a, b)}</mark>
      {text.slice(b)}
    </p>
  );
}
