/**
 * The app's own origin. The renderer is loaded from app://notebook/ (a custom
 * standard+secure scheme), never from file:// (every local file would be
 * same-origin) nor from a dev server (anything on that port could pose as us).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'notebook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs of the app's own origin (app://notebook/...). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
