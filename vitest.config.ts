import { defineConfig } from 'vitest/config';

// Unit projects run in parallel. The integration project starts real Python
// workers, signals them and loads the CPU: its files run one at a time so that
// one file's load cannot starve another's heartbeats (`pnpm test:ts` runs it
// after the others).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['packages/core/test/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'actors', include: ['packages/actors/test/**/*.test.ts'] } },
      {
        test: {
          name: 'python-bridge',
          include: ['packages/python-bridge/test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      { test: { name: 'cli', include: ['packages/cli/test/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'telemetry',
          include: ['packages/telemetry/test/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // One chaos table for the whole run (`pnpm chaos`, CI), across files.
          globalSetup: ['tests/support/chaosReport.ts'],
        },
      },
    ],
  },
});
