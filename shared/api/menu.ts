/**
 * The menu commands the Electron shell sends the page, one list for the main
 * process, the preload (which drops any other name) and the page. Free of imports
 * so the sandboxed preload bundle stays tiny.
 *
 * - `sources-changed`: the main process imported files (File ▸ Import…, "Open with");
 *   the page brings itself up to date (its pushed changes have already arrived).
 * - `export-briefing`: File ▸ Export briefing… was chosen; the page opens its export view.
 */
export const MENU_ACTIONS = ['sources-changed', 'export-briefing'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}
