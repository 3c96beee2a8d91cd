/**
 * Beside the Reader: figures the claim assistant found in the open source, with
 * their hedge ("about", "up to"), unit and subject. Accept makes a quote of the
 * sentence's figure and a claim citing it; Dismiss hides the figure for good;
 * Dismiss all hides every open one in one undoable edit.
 *
 * Off the interaction path: the list is asked for after the text has been
 * painted, a part of the text at a time (PART characters, each a short request
 * the server answers between others), and shown as the parts arrive, windowed
 * (useListWindow) so thousands of figures cost the page only the rows in view.
 */
import { bandText, formatPeriod } from '../../shared/claims/quantity.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SuggestionItem } from '../../shared/api/contract.ts';
import * as A from '../state/actions.ts';
import { useStore } from '../state/store.ts';
import { useListWindow } from './useListWindow.ts';

/** How much of the text one request covers. */
const PART = 40_000;

/** Resolves after the next frame has been painted and the page has had a moment for input. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export function SuggestionsPanel({ sourceId }: { sourceId: string }) {
  // What the list depends on: the source's text and decisions, and the claims (a claim citing a figure marks it "claimed").
  // A new highlight changes neither, so it costs no request here.
  const source = useStore((s) => s.index.source(sourceId));
  const decisions = source ? `${source.sha256} ${JSON.stringify(source.suggestions)}` : '';
  const claims = useStore((s) => s.claims);
  const length = source?.length ?? 0;
  const [items, setItems] = useState<SuggestionItem[] | null>(null);
  const [done, setDone] = useState(false);
  const [readTo, setReadTo] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const shownFor = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the suggestions are read again when decisions or claims change: the triggers
  useEffect(() => {
    let live = true;
    // A new source starts empty; a change to this one keeps the old list until each part is read again.
    if (shownFor.current !== sourceId) setItems(null);
    shownFor.current = sourceId;
    setDone(false);
    setReadTo(0);
    void (async () => {
      const fresh: SuggestionItem[] = [];
      for (let from = 0; from < Math.max(1, length); from += PART) {
        await afterPaint();
        if (!live) return;
        const to = Math.min(length, from + PART);
        const part = await A.loadSuggestions(sourceId, length > PART ? { from, to } : undefined);
        if (!live) return;
        if (!part) break;
        // Parts are widened to whole paragraphs on the server, so neighbours can repeat a figure.
        const last = fresh[fresh.length - 1]?.figure.start ?? -1;
        fresh.push(...part.filter((s) => s.figure.start > last));
        setReadTo(to);
        setItems((cur) => [...fresh, ...(cur ?? []).filter((s) => s.figure.start >= to && s.figure.start > (fresh[fresh.length - 1]?.figure.start ?? -1))]);
      }
      if (live) setDone(true);
    })();
    return () => {
      live = false;
    };
  }, [sourceId, decisions, claims, length]);

  const decide = async (key: string, action: 'accept' | 'dismiss') => {
    setBusy(key);
    if (await A.decideSuggestion(sourceId, key, action)) setItems((cur) => cur?.filter((s) => s.key !== key) ?? null);
    setBusy(null);
  };
  const dismissAll = async () => {
    const keys = (items ?? []).map((s) => s.key);
    setBusy('*');
    if (await A.dismissSuggestions(sourceId, keys)) setItems([]);
    setBusy(null);
  };
  const list = useRef<HTMLUListElement>(null);
  const keyOf = useCallback((i: number) => items![i]!.key, [items]);
  const win = useListWindow(items?.length ?? 0, keyOf, list, 120);

  return (
    <aside className="suggestions" aria-label="Suggested figures">
      <h2>Suggested figures {items && items.length > 0 ? <span className="count">{done ? items.length.toLocaleString('en') : `${items.length.toLocaleString('en')}…`}</span> : null}</h2>
      {items && items.length > 1 && (
        <div className="actions">
          <button
            type="button"
            className="button small"
            disabled={!done || busy !== null}
            title={done ? 'Dismiss every open suggestion of this source; undo brings them back' : 'Still looking through the text'}
            onClick={() => void dismissAll()}
          >
            Dismiss all {items.length.toLocaleString('en')}
          </button>
        </div>
      )}
      {!done && items !== null && items.length > 0 && (
        <p className="subtle" role="status">
          Still looking: {Math.round((100 * readTo) / Math.max(1, length))}% of the text read.
        </p>
      )}
      {items === null || (!done && items.length === 0) ? (
        <p className="subtle">Looking for figures…</p>
      ) : items.length === 0 ? (
        <p className="subtle">No open suggestions in this source.</p>
      ) : (
        <ul ref={list} className="suggestion-list">
          {win.before > 0 && <li className="list-spacer" aria-hidden="true" style={{ height: win.before }} />}
          {items.slice(win.first, win.last + 1).map((s, k) => (
            <li key={s.key} className="suggestion" data-row={win.first + k} aria-label={`Suggested figure ${s.figure.raw}`}>
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
          {win.after > 0 && <li className="list-spacer" aria-hidden="true" style={{ height: win.after }} />}
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
