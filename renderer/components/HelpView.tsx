/**
 * Help: every keyboard shortcut, the search syntax (the search module's own
 * SEARCH_HELP text, so the app and `notebook search --help` never disagree), a
 * short how-to and the theme preference.
 */
import { SEARCH_HELP } from '../../shared/search/query.ts';
import * as A from '../state/actions.ts';
import { useStore } from '../state/store.ts';
const SHORTCUTS: [string, string][] = [
  ['Ctrl/⌘ + K', 'Quick switcher: search everything (same syntax as below) and jump to a source, quote, claim or tag'],
  ['Ctrl/⌘ + Z', 'Undo the last edit'],
  ['Ctrl/⌘ + Shift + Z, Ctrl + Y', 'Redo'],
  ['Ctrl/⌘ + O', 'Import files'],
  ['Ctrl/⌘ + Shift + V', 'Paste text as a new source'],
  ['Ctrl/⌘ + 1 … 8', 'Library, Reader, Claims, Tags, Search, Review, Briefing, Help'],
  ['H', 'With text selected in the Reader: highlight in yellow'],
  ['T', 'With text selected: highlight and tag'],
  ['C', 'With text selected: make a claim from it'],
  ['N', 'With text selected: highlight and add a note'],
  ['Tab into the text, then ← → ↑ ↓', 'Reader: move the reading cursor (Ctrl or Alt: a word; Home / End: the line’s ends; Ctrl + Home / End: the text’s)'],
  ['Shift + the keys above', 'Reader: select text without the mouse; then H, T, C or N as after a mouse selection'],
  ['Alt + ↓ / Alt + ↑', 'Reader: the next or previous highlight'],
  ['Enter, E, Delete', 'On a highlight (in the text or the Annotations panel): open it in the inspector, edit its note, delete it (asks first)'],
  ['↑ / ↓', 'Annotations panel: move between annotations; the text follows'],
  ['Shift + F10, Menu key, right click', 'The actions on a highlight or on the selection'],
  ['Ctrl/⌘ + Enter', 'Save the field now (notes, statements, figures and details also save themselves after a pause and when you leave them)'],
  ['Esc', 'Close a dialog, a menu or the selection toolbar'],
  ['↑ / ↓, Enter', 'In the quick switcher: move through the results, open the highlighted one'],
];

export function HelpView() {
  const themePref = useStore((s) => s.themePref);
  return (
    <section className="view help" aria-labelledby="help-title">
      <header className="view-header">
        <h1 id="help-title">Help</h1>
      </header>
      <div className="help-body">
        <h2>Keyboard shortcuts</h2>
        <table className="shortcuts">
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map(([k, v]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>Search syntax</h2>
        <pre className="search-help" role="figure" aria-label="Search syntax">
          {SEARCH_HELP}
        </pre>
        <h2>Working with sources</h2>
        <ol>
          <li>Import articles in the Library (button, drag and drop, or Paste text).</li>
          <li>Open one, select a passage and pick a color, Tag, Make claim or Add note.</li>
          <li>Click a highlight, or its entry in the Annotations panel beside the text, to edit it in the inspector on the right; notes accept Markdown and are saved as you type.</li>
          <li>In Claims, link quotes as supporting, contradicting or context evidence, and link claims to each other.</li>
          <li>Beside the Reader, “Suggested figures” offers the numbers in a source as ready-made claims; conflicting figures show in Claims → Conflicts.</li>
          <li>When an article changes, use “Import new version…” in the Library; quotes that lost their place wait in Review.</li>
          <li>Briefing writes a cited summary (Markdown, web page, annotations, CSL-JSON or BibTeX); every quote is checked against its source first.</li>
        </ol>
        <h2>Appearance</h2>
        <label className="field narrow">
          <span>Theme</span>
          <select value={themePref} onChange={(e) => A.setThemePref(e.currentTarget.value as typeof themePref)}>
            <option value="system">Follow system theme</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <p className="subtle">
          Undo (Ctrl+Z) reverses the notebook’s last edit exactly — imports, new versions, deletions, review decisions and loading the sample included; Redo (Shift+Ctrl+Z) re-applies it. The button
          says what it will undo.
        </p>
      </div>
    </section>
  );
}
