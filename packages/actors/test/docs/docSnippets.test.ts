import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const docsDir = join(repoRoot, 'docs', 'actors');
/** A block the guide claims runs: `<!-- snippet: path -->` then a fenced block equal to that test file. */
const SNIPPET = /<!-- snippet: (\S+) -->\n```ts\n([\s\S]*?)```/g;

const snippets = readdirSync(docsDir)
  .filter((name) => name.endsWith('.md'))
  .flatMap((name) =>
    [...readFileSync(join(docsDir, name), 'utf8').matchAll(SNIPPET)].map(
      ([, path = '', block = '']) => ({ doc: name, path, block }),
    ),
  );

describe('code blocks in docs/actors that claim to run are the test files that do', () => {
  it('finds the guides’ runnable examples', () => {
    expect(snippets.map((s) => s.path).sort()).toEqual([
      'packages/actors/test/docs/manualClock.example.test.ts',
      'packages/actors/test/docs/strategyTest.example.test.ts',
    ]);
  });

  it.each(snippets)('$doc shows $path exactly', ({ path, block }) => {
    expect(block).toBe(readFileSync(join(repoRoot, path), 'utf8'));
  });
});
