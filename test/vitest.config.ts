import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here: keep forks bounded so CLI-spawning tests don't starve each other.
    maxWorkers: 2,
    // The CLI bundle (electron/cli/launch.mjs) is built once before any test spawns the CLI.
    globalSetup: ['test/support/cli-bundle-setup.ts'],
    // Polls wait for what a loaded machine may take a while to show; they end as soon as it holds.
    expect: { poll: { timeout: 30_000 } },
  },
});
