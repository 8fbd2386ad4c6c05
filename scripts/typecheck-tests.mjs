#!/usr/bin/env node
// Type-checks the test projects (tsc -b builds only src): every directory
// with a tests tsconfig.json, against the built packages.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const projects = ['core', 'actors', 'python-bridge', 'telemetry', 'cli']
  .map((p) => join('packages', p, 'test'))
  .concat(['tests'])
  .filter((dir) => existsSync(join(root, dir, 'tsconfig.json')));
let failed = false;
for (const dir of projects) {
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', dir], {
      cwd: root,
      stdio: 'inherit',
    });
  } catch {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
