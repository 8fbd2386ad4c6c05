#!/usr/bin/env node
// Type-checks the test projects (tsc -b builds only src): every directory
// with a tests tsconfig.json, against the built packages. Then the built
// declarations of every entry point with skipLibCheck off: `stripInternal`
// removes what is tagged internal even where a public declaration still
// names it, and with skipLibCheck on (as everywhere in the build) that
// dangling name silently turns into `any` instead of failing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
if (!checkDeclarations()) failed = true;
process.exit(failed ? 1 : 0);

function checkDeclarations() {
  const entries = ['core', 'actors', 'python-bridge', 'telemetry', 'cli'].flatMap((p) => {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8'));
    return Object.values(manifest.exports ?? {}).map((target) => join('packages', p, target.types));
  });
  const args = ['--noEmit', '--skipLibCheck', 'false', '--strict', '--types', 'node'];
  args.push('--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2023');
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'tsc'), [...args, ...entries], {
      cwd: root,
      encoding: 'utf8',
    });
    return true;
  } catch (error) {
    // Only our own declarations: third-party ones are not ours to fix.
    const ours = String(error.stdout)
      .split('\n')
      .filter((line) => /^packages\/[^/]+\/dist\//.test(line));
    if (ours.length === 0) return true;
    console.error(`The built declarations do not type-check:\n${ours.join('\n')}`);
    return false;
  }
}
