import { expect, it } from 'vitest';
import { checkApiReport } from '../../../scripts/api-report.mjs';

// The exported names of every entry point, from the built declarations, against
// the committed packages/cli/api.md. UPDATE_API=1 rewrites api.md instead.
it('exports what api.md lists, and nothing else', () => {
  const problem = checkApiReport('cli', { update: process.env.UPDATE_API === '1' });
  expect(problem, problem).toBeUndefined();
}, 60_000);
