import { expect, it } from 'vitest';
import {
  CORE_MAIN_ENTRY_LIMIT,
  checkApiReport,
  listPackageApi,
} from '../../../scripts/api-report.mjs';

// The exported names of every entry point, from the built declarations, against
// the committed packages/core/api.md. UPDATE_API=1 rewrites api.md instead.
it('exports what api.md lists, and nothing else', () => {
  const problem = checkApiReport('core', { update: process.env.UPDATE_API === '1' });
  expect(problem, problem).toBeUndefined();
}, 60_000);

it(`exports at most ${CORE_MAIN_ENTRY_LIMIT} names from @snakepit/core`, () => {
  const main = listPackageApi('core').find((e) => e.entry === '@snakepit/core');
  const names = main?.names.map((n) => n.name) ?? [];
  expect(
    names.length,
    `@snakepit/core exports ${names.length} names (${names.join(', ')}); the main entry is the user kernel, at most ${CORE_MAIN_ENTRY_LIMIT} (ADR 0010): put plumbing on a subpath (/process, /run, /options)`,
  ).toBeLessThanOrEqual(CORE_MAIN_ENTRY_LIMIT);
  expect(names).toContain('SnakepitError');
}, 60_000);
