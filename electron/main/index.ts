/**
 * The Electron main-process entry point (bundled to dist/electron/main.mjs). All
 * wiring lives in app.ts so it can be tested with a mocked `electron` module.
 */
import { startApp } from './app.ts';

startApp();
