/**
 * Briefing: choose what goes in (all claims, claims by tag, or hand-picked claims
 * in an order), the citation style and a title; see the Markdown briefing as it
 * will be written; export it in any format. The preview is the service's own
 * Markdown rendered by the one Markdown module, and the raw text is kept beside
 * it, so what is shown is what the .md file holds.
 */
import { useEffect, useRef, useState } from 'react';
import type { CitationStyleInfo, ExportOutcome } from '../../shared/api/contract.ts';
import { stripMarks } from '../../shared/export/reexport.ts';
import { Markdown } from '../markdown/Markdown.tsx';
import * as A from '../state/actions.ts';
import { FORMAT_LABELS, FORMAT_LIST, LOCALE_LABELS, LOCALE_LIST, STYLE_LABELS, STYLE_LIST, briefingArgs, initialBriefing, moveClaim, scopeIsEmpty, styleLicence, toggle } from '../state/briefing.ts';
import type { BriefingChoice, CitationLocale, CitationStyle, ExportFormat } from '../state/briefing.ts';
import { excerpt } from '../state/derive.ts';
import { useStore } from '../state/store.ts';

/** Kept across visits to the view, like a draft. */
let remembered: BriefingChoice = initialBriefing;

// The preview waits this long after the last keystroke in the title before asking again.
const PREVIEW_DELAY_MS = 250;

export function BriefingView() {
  const claims = useStore((s) => s.claims);
  const tags = useStore((s) => s.tags);
  const [stored, setChoiceState] = useState<BriefingChoice>(remembered);
  // A remembered pick may name claims deleted since: leave those out.
  const choice = { ...stored, claimIds: stored.claimIds.filter((id) => claims.some((c) => c.claim.id === id)) };
  const [preview, setPreview] = useState<ExportOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [showSource, setShowSource] = useState(false);
  const [userStyles, setUserStyles] = useState<CitationStyleInfo[]>([]);
  const styleFile = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void A.listCitationStyles().then(setUserStyles);
  }, []);
  const chosenUserStyle = userStyles.find((s) => s.id === choice.style);
  const setChoice = (c: BriefingChoice) => {
    remembered = c;
    setChoiceState(c);
  };
  const empty = scopeIsEmpty(choice);
  // Claims and quotes change the briefing too: refetch when they do.
  const key = JSON.stringify(briefingArgs(choice, 'md'));

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `choice` (a new object each render would refetch forever); claims is the trigger for a fresh preview
  useEffect(() => {
    if (empty) {
      setPreview(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      void A.exportBriefing(briefingArgs(choice, 'md')).then((out) => live && setPreview(out));
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // `key` stands for `choice` (a new object on every render would refetch forever).
  }, [key, empty, claims]);

  // One checkbox, shown with the problems when an export stopped and among the options otherwise.
  const unverifiedBox = (
    <label className="check">
      <input type="checkbox" checked={choice.includeUnverified} onChange={(e) => setChoice({ ...choice, includeUnverified: e.currentTarget.checked })} />
      Include unverified quotes (marked)
    </label>
  );
  const statementOf = new Map<string, string>(claims.map((c) => [c.claim.id, c.claim.statement]));
  const unpicked = claims.filter((c) => !choice.claimIds.includes(c.claim.id));

  return (
    <section className="view briefing" aria-labelledby="briefing-title">
      <header className="view-header">
        <div>
          <h1 id="briefing-title">Briefing</h1>
          <p className="subtle">A cited summary of your claims, every quote checked against its source.</p>
        </div>
        <div className="actions">
          <label className="field inline">
            <span>Format</span>
            <select value={choice.format} onChange={(e) => setChoice({ ...choice, format: e.currentTarget.value as ExportFormat })}>
              {FORMAT_LIST.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button primary"
            disabled={empty || busy || (preview?.stopped ?? false)}
            onClick={() => {
              setBusy(true);
              void A.downloadBriefing(briefingArgs(choice, choice.format)).finally(() => setBusy(false));
            }}
          >
            Export…
          </button>
        </div>
      </header>

      <div className="briefing-layout">
        <form className="briefing-options" aria-label="Briefing options" onSubmit={(e) => e.preventDefault()}>
          <label className="field">
            <span>Briefing title</span>
            <input value={choice.title} maxLength={300} onChange={(e) => setChoice({ ...choice, title: e.currentTarget.value })} />
          </label>
          <label className="field">
            <span>Citation style</span>
            <select value={choice.style} onChange={(e) => setChoice({ ...choice, style: e.currentTarget.value as CitationStyle })}>
              {STYLE_LIST.map((s) => (
                <option key={s} value={s}>
                  {STYLE_LABELS[s]}
                </option>
              ))}
              {userStyles.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          {chosenUserStyle && (
            <p className="subtle" role="note" aria-label="Style licence">
              {styleLicence(chosenUserStyle)}
            </p>
          )}
          <button type="button" className="button" onClick={() => styleFile.current?.click()}>
            Use a style file…
          </button>
          <input
            ref={styleFile}
            type="file"
            accept=".csl,.xml,application/vnd.citationstyles.style+xml,text/xml"
            hidden
            aria-label="CSL style file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (!file) return;
              void file.text().then(async (xml) => {
                const added = await A.addCitationStyle(xml, file.name);
                if (!added) return;
                setUserStyles(await A.listCitationStyles());
                setChoice({ ...choice, style: added.id as CitationStyle });
              });
            }}
          />
          <label className="field">
            <span>Citation language</span>
            <select value={choice.locale} onChange={(e) => setChoice({ ...choice, locale: e.currentTarget.value as CitationLocale })}>
              {LOCALE_LIST.map((l) => (
                <option key={l} value={l}>
                  {LOCALE_LABELS[l]}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="scope">
            <legend>Claims to include</legend>
            {(
              [
                ['all', 'All claims'],
                ['tags', 'Claims with tags'],
                ['claims', 'Chosen claims, in order'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="radio">
                <input type="radio" name="scope" value={value} checked={choice.scope === value} onChange={() => setChoice({ ...choice, scope: value })} />
                {label}
              </label>
            ))}
          </fieldset>

          {choice.scope === 'tags' && (
            <fieldset className="scope-list">
              <legend>Tags</legend>
              {tags.length === 0 && <p className="subtle">No tags yet.</p>}
              {tags.map((t) => (
                <label key={t.tag.name} className="check">
                  <input type="checkbox" checked={choice.tags.includes(t.tag.name)} onChange={() => setChoice({ ...choice, tags: toggle(choice.tags, t.tag.name) })} />
                  {t.tag.name} <span className="subtle">({t.claims})</span>
                </label>
              ))}
            </fieldset>
          )}

          {choice.scope === 'claims' && (
            <div className="scope-list">
              <ol className="picked-claims" aria-label="Chosen claims">
                {choice.claimIds.map((id, i) => {
                  const label = excerpt(statementOf.get(id) ?? id, 60);
                  return (
                    <li key={id}>
                      <span className="picked-label">{label}</span>
                      <span className="picked-actions">
                        <button
                          type="button"
                          className="icon-button small"
                          aria-label={`Move up ${label}`}
                          disabled={i === 0}
                          onClick={() => setChoice({ ...choice, claimIds: moveClaim(choice.claimIds, id, -1) })}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="icon-button small"
                          aria-label={`Move down ${label}`}
                          disabled={i === choice.claimIds.length - 1}
                          onClick={() => setChoice({ ...choice, claimIds: moveClaim(choice.claimIds, id, 1) })}
                        >
                          ↓
                        </button>
                        <button type="button" className="icon-button small" aria-label={`Remove ${label}`} onClick={() => setChoice({ ...choice, claimIds: toggle(choice.claimIds, id) })}>
                          ×
                        </button>
                      </span>
                    </li>
                  );
                })}
              </ol>
              {unpicked.length > 0 && (
                <select
                  aria-label="Add a claim"
                  value=""
                  onChange={(e) => {
                    const id = e.currentTarget.value;
                    if (id) setChoice({ ...choice, claimIds: [...choice.claimIds, id] });
                  }}
                >
                  <option value="">Add a claim…</option>
                  {unpicked.map((c) => (
                    <option key={c.claim.id} value={c.claim.id}>
                      {excerpt(c.claim.statement, 80)}
                    </option>
                  ))}
                </select>
              )}
            </div>
          )}

          <label className="check">
            <input type="checkbox" checked={choice.quoteNotes} onChange={(e) => setChoice({ ...choice, quoteNotes: e.currentTarget.checked })} />
            Quotes’ tags and notes
          </label>
          <label className="check">
            <input type="checkbox" checked={choice.provenance} onChange={(e) => setChoice({ ...choice, provenance: e.currentTarget.checked })} />
            Provenance appendix (files, dates, SHA-256)
          </label>
          {!preview?.stopped && unverifiedBox}
        </form>

        <div className="briefing-preview-wrap">
          {empty ? (
            <div className="empty-state">
              <h2>Nothing chosen yet</h2>
              <p>{choice.scope === 'tags' ? 'Tick one or more tags.' : 'Add claims to the list; the briefing follows their order.'}</p>
            </div>
          ) : preview?.stopped ? (
            <div className="export-problems" role="alert">
              <h2>Export stopped: some quotes no longer match their sources</h2>
              <ul aria-label="Verification problems">
                {preview.problems.map((p) => (
                  <li key={p.quoteId}>{p.message}</li>
                ))}
              </ul>
              <p className="subtle">Review these quotes, or include them flagged as unverified:</p>
              {unverifiedBox}
            </div>
          ) : preview?.content != null ? (
            <>
              {preview.problems.length > 0 && (
                <p className="warning-line" role="status">
                  {preview.problems.length} quote{preview.problems.length === 1 ? '' : 's'} marked unverified in this briefing.
                </p>
              )}
              <div className="preview-tabs" role="group" aria-label="Preview mode">
                <button type="button" className={'tab' + (showSource ? '' : ' active')} aria-pressed={!showSource} onClick={() => setShowSource(false)}>
                  Formatted
                </button>
                <button type="button" className={'tab' + (showSource ? ' active' : '')} aria-pressed={showSource} onClick={() => setShowSource(true)}>
                  Markdown
                </button>
              </div>
              <article className="briefing-preview" aria-label="Briefing preview" hidden={showSource}>
                {/* The file's part marks are HTML comments other Markdown readers hide; this renderer shows raw HTML as text. */}
                <Markdown source={stripMarks(preview.content)} />
              </article>
              <pre className="briefing-source" role="figure" aria-label="Briefing Markdown" hidden={!showSource}>
                {preview.content}
              </pre>
            </>
          ) : (
            <p className="subtle pad">Preparing the preview…</p>
          )}
        </div>
      </div>
    </section>
  );
}
