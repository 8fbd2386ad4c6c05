import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['packages/core/test/**/*.test.ts'] } },
      { test: { name: 'actors', include: ['packages/actors/test/**/*.test.ts'] } },
      {
        test: {
          name: 'python-bridge',
          include: ['packages/python-bridge/test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      { test: { name: 'integration', include: ['tests/**/*.test.ts'], testTimeout: 60_000 } },
    ],
  },
});
