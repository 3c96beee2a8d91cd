/** The Tags view: the hierarchy with colors and counts; rename, merge and recolor. */
import { useState } from 'react';
import * as A from '../state/actions.ts';
import { isTagWithin } from '../../shared/model/tags.ts';
import { excerpt, tagTree } from '../state/derive.ts';
import type { TagNode } from '../state/derive.ts';
import { useStore } from '../state/store.ts';

export function TagsView() {
  const tags = useStore((s) => s.tags);
  const quotes = useStore((s) => s.quotes);
  const claims = useStore((s) => s.claims);
  const focus = useStore((s) => s.tagFocus);
  const nodes = tagTree(tags);
  const within = (t: string) => focus !== null && isTagWithin(t, focus);

  return (
    <section className="view tags" aria-labelledby="tags-title">
      <header className="view-header">
        <div>
          <h1 id="tags-title">Tags</h1>
          <p className="subtle">{tags.length === 0 ? 'No tags yet' : `${tags.length} tags`}</p>
        </div>
      </header>
      {tags.length === 0 ? (
        <div className="empty-state">
          <h2>No tags yet</h2>
          <p>Tag quotes and claims from the inspector. Use slashes for a hierarchy, e.g. “energy/coal”.</p>
        </div>
      ) : (
        <div className="tags-layout">
          <ul className="tag-tree" aria-label="Tag hierarchy">
            {nodes.map((n) => (
              <TagRow key={n.name} node={n} all={nodes} active={focus === n.name} onFocus={() => A.focusTag(focus === n.name ? null : n.name)} />
            ))}
          </ul>
          {focus && (
            <div className="tag-usage" role="region" aria-label={`Items tagged ${focus}`}>
              <h2>Tagged “{focus}”</h2>
              <ul className="plain-list">
                {quotes
                  .filter((q) => q.tags.some(within))
                  .map((q) => (
                    <li key={q.id}>
                      <button type="button" className="link-button" onClick={() => void A.openQuote(q.id)}>
                        “{excerpt(q.exact, 100)}”
                      </button>
                    </li>
                  ))}
                {claims
                  .filter((c) => c.claim.tags.some(within))
                  .map((c) => (
                    <li key={c.claim.id}>
                      <span className="relation">claim</span>{' '}
                      <button type="button" className="link-button" onClick={() => A.openClaim(c.claim.id)}>
                        {excerpt(c.claim.statement, 100)}
                      </button>
                    </li>
                  ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function TagRow({ node, all, active, onFocus }: { node: TagNode; all: TagNode[]; active: boolean; onFocus: () => void }) {
  const [mode, setMode] = useState<'idle' | 'rename' | 'merge'>('idle');
  const [value, setValue] = useState('');
  return (
    <li className={'tag-row' + (active ? ' active' : '')} style={{ paddingLeft: 12 + node.depth * 20 }}>
      <input type="color" className="tag-color" aria-label={`Color of ${node.name}`} value={node.color} onChange={(e) => void A.setTagColor(node.name, e.currentTarget.value)} />
      <button type="button" className="link-button tag-name" onClick={onFocus} aria-pressed={active} title={node.name}>
        {node.label}
      </button>
      <span className="tag-counts">
        {node.totalQuotes} {node.totalQuotes === 1 ? 'quote' : 'quotes'} · {node.totalClaims} {node.totalClaims === 1 ? 'claim' : 'claims'}
      </span>
      {mode === 'idle' ? (
        <span className="row-actions">
          <button type="button" className="button small ghost" aria-label={`Rename ${node.name}`} onClick={() => (setMode('rename'), setValue(node.name))}>
            Rename
          </button>
          <button type="button" className="button small ghost" aria-label={`Merge ${node.name}`} onClick={() => (setMode('merge'), setValue(''))}>
            Merge…
          </button>
        </span>
      ) : (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const done = mode === 'rename' ? A.renameTag(node.name, value) : A.mergeTags(node.name, value);
            void done.then((ok) => ok && setMode('idle'));
          }}
        >
          <input
            autoFocus
            list={mode === 'merge' ? 'merge-targets' : undefined}
            aria-label={mode === 'rename' ? `New name for ${node.name}` : `Merge ${node.name} into`}
            placeholder={mode === 'rename' ? 'New name' : 'Merge into tag'}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && setMode('idle')}
          />
          {mode === 'merge' && (
            <datalist id="merge-targets">
              {all
                .filter((t) => t.name !== node.name)
                .map((t) => (
                  <option key={t.name} value={t.name} />
                ))}
            </datalist>
          )}
          <button type="submit" className="button small primary" disabled={!value.trim()}>
            {mode === 'rename' ? 'Save name' : 'Merge'}
          </button>
          <button type="button" className="button small" onClick={() => setMode('idle')}>
            Cancel
          </button>
        </form>
      )}
    </li>
  );
}
