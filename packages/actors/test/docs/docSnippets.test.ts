import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const DOCS = [
  ...readdirSync(join(repoRoot, 'docs', 'actors'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/actors/${name}`),
  'packages/actors/README.md',
];

/**
 * The marker on the line before a fenced block says what it is:
 * - `<!-- snippet: path -->`: runs; the block is that file exactly (a test, or a module a test runs);
 * - `<!-- excerpt: path -->`: a passage of that source file, as it is there (any indentation);
 * - `<!-- fragment -->` or `<!-- fragment: why -->`: a shape or a call, not a program.
 */
const MARKER = /^<!-- (snippet|excerpt): (\S+) -->$|^<!-- fragment(?:: .+)? -->$/;
const FENCE = /^```(\S*)$/;

interface Block {
  doc: string;
  line: number;
  lang: string;
  kind: 'snippet' | 'excerpt' | 'fragment' | undefined;
  path: string;
  code: string;
}

function blocksOf(doc: string): Block[] {
  const lines = readFileSync(join(repoRoot, doc), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    const marker = MARKER.exec(lines[i - 1] ?? '');
    const kind = marker
      ? ((marker[1] as 'snippet' | 'excerpt' | undefined) ?? 'fragment')
      : undefined;
    const code = lines.slice(i + 1, end).join('\n') + '\n';
    blocks.push({ doc, line: i + 1, lang: open[1] ?? '', kind, path: marker?.[2] ?? '', code });
    i = end;
  }
  return blocks;
}

function indent(code: string, spaces: number): string {
  return code.replace(/^(?=.)/gm, ' '.repeat(spaces));
}

const blocks = DOCS.flatMap(blocksOf);
const ofKind = (kind: Block['kind']) => blocks.filter((b) => b.kind === kind);

describe('code blocks in docs/actors and the actors README are run, or say why not', () => {
  it('marks every block as a snippet, an excerpt or a fragment', () => {
    const unmarked = blocks.filter((b) => b.kind === undefined).map((b) => `${b.doc}:${b.line}`);
    expect(unmarked).toEqual([]);
  });

  it('finds the runnable examples', () => {
    expect(ofKind('snippet').map((b) => `${b.doc} ${b.path}`)).toEqual([
      'docs/actors/custom-strategies.md packages/actors/test/docs/majorityFailure.example.test.ts',
      'docs/actors/custom-strategies.md packages/actors/test/docs/strategyTest.example.test.ts',
      'docs/actors/supervision.md packages/actors/test/docs/manualClock.example.test.ts',
      'docs/actors/thread-actors.md packages/actors/test/docs/threadActor.example.test.ts',
      'packages/actors/README.md packages/actors/test/docs/supervisorTree.example.test.ts',
      'packages/actors/README.md packages/actors/test/docs/cache.ts',
    ]);
  });

  it('shows every example test in a doc', () => {
    const examples = readdirSync(fileURLToPath(new URL('.', import.meta.url)))
      .filter((name) => name.endsWith('.example.test.ts'))
      .map((name) => `packages/actors/test/docs/${name}`);
    const shown = new Set(ofKind('snippet').map((b) => b.path));
    expect(examples.filter((path) => !shown.has(path))).toEqual([]);
  });

  it.each(ofKind('snippet'))('$doc:$line shows $path exactly', ({ lang, path, code }) => {
    expect(lang).toBe('ts');
    expect(code).toBe(readFileSync(join(repoRoot, path), 'utf8'));
  });

  it.each(ofKind('excerpt'))('$doc:$line quotes $path as it is', ({ path, code }) => {
    const source = readFileSync(join(repoRoot, path), 'utf8');
    const spaces = [0, 2, 4, 6, 8].find((n) => source.includes(indent(code.trimEnd(), n)));
    expect(spaces, `the excerpt is not in ${path}`).toBeDefined();
  });
});
