/**
 * The IPC channel names shared by the main process and the preload. Kept free of
 * imports so the sandboxed preload bundle stays tiny and so both ends agree.
 *
 * Menu actions travel main → renderer on one channel as a bare action name; the
 * preload drops anything that is not one of these names.
 */
export const API_CHANNEL_PREFIX = 'notebook:';
export const MENU_CHANNEL = 'notebook:menu';
/** Pushed notebook changes, main → renderer: one NotebookEvent (shared/api/events.ts) per message. */
export const EVENTS_CHANNEL = 'notebook:events';
const EVENT_TYPES: readonly string[] = ['changes', 'judgement', 'reset'];

/** The shape check the preload applies before handing a pushed event to the page. */
export function isNotebookEvent(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; rev?: unknown };
  return typeof v.type === 'string' && EVENT_TYPES.includes(v.type) && typeof v.rev === 'number';
}

export { MENU_ACTIONS, isMenuAction } from '../../shared/api/menu.ts';
export type { MenuAction } from '../../shared/api/menu.ts';
