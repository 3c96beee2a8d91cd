/**
 * Vitest global setup: builds the CLI bundle the `notebook` bin runs (see
 * electron/cli/launch.mjs) once before any test, so no test that spawns the bin pays
 * for the build inside its own time. Without it the first spawn builds it.
 */
import { buildBundle, cachedBundle } from '../../electron/cli/launch.mjs';

export default async function setup(): Promise<void> {
  if (!cachedBundle()) await buildBundle();
}
