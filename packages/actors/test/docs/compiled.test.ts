import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import ts from 'typescript';
import { expect, it } from 'vitest';

const HEADER = '// Compiled from cache.ts (checked by compiled.test.ts): threads run JavaScript.\n';

// Worker threads run compiled JavaScript (Node 20 cannot strip types), so the
// thread examples spawn `cache.js`: it must be what tsc makes of `cache.ts`.
it('cache.js is cache.ts compiled', async () => {
  const compiled = fileURLToPath(new URL('./cache.js', import.meta.url));
  const source = readFileSync(new URL('./cache.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const options = { ...(await resolveConfig(compiled)), filepath: compiled };
  expect(readFileSync(compiled, 'utf8')).toBe(HEADER + (await format(outputText, options)));
});
