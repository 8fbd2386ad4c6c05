#!/usr/bin/env node
// `pnpm pack:all [--out dir]`: every published package as the tarball that
// `pnpm publish` would upload (pnpm rewrites `workspace:*` to the version),
// plus the snakepit-worker wheel, in one folder (default: dist-pack/). Then
// checks what each tarball holds against what its README promises, so that a
// tarball with build litter, a missing folder or a dangling source map fails
// here rather than in a user's project. Builds from scratch first (a
// stale file in dist/ from a renamed source would otherwise ship).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Published packages, dependencies first, with what each tarball must and must not hold. */
const PACKAGES = [
  { name: '@snakepit/proto', dir: 'proto', mustHave: ['snakepit.proto', 'src/index.js'] },
  {
    name: '@snakepit/core',
    dir: 'packages/core',
    mustHave: [
      'dist/index.js',
      'dist/runtime.d.ts',
      'dist/process.d.ts',
      'dist/run.d.ts',
      'dist/options.d.ts',
    ],
  },
  { name: '@snakepit/actors', dir: 'packages/actors', mustHave: ['dist/index.js'] },
  {
    name: '@snakepit/python-bridge',
    dir: 'packages/python-bridge',
    mustHave: [
      'dist/index.js',
      'dist/internal.d.ts',
      'python/pyproject.toml',
      'python/snakepit_worker/__main__.py',
      'python/snakepit_worker/py.typed',
      'python/snakepit_worker/tested_versions.json',
      'python/snakepit_worker/_proto/snakepit_pb2.py',
    ],
  },
  {
    name: '@snakepit/telemetry',
    dir: 'packages/telemetry',
    mustHave: [
      'dist/setup/index.js',
      'dashboards/snakepit-grafana.json',
      'dashboards/snakepit-alerts.yaml',
    ],
  },
  { name: '@snakepit/cli', dir: 'packages/cli', mustHave: ['bin/snakepit.js', 'dist/bin.js'] },
];

/** Paths no tarball may hold. */
const FORBIDDEN = [
  /\.tsbuildinfo$/,
  /(^|\/)__pycache__\//,
  /\.pyc$/,
  /^python\/tests\//,
  /(^|\/)test\//,
  /\.test\.[cm]?[jt]s$/,
  /\.egg-info\//,
  /(^|\/)build\//,
];

function main() {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist-pack' } } });
  const out = resolve(ROOT, values.out);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const pkg of PACKAGES.filter((pkg) => pkg.dir.startsWith('packages/'))) {
    rmSync(join(ROOT, pkg.dir, 'dist'), { recursive: true, force: true });
  }
  execFileSync('pnpm', ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

  const rows = [];
  for (const pkg of PACKAGES) {
    execFileSync('pnpm', ['pack', '--pack-destination', out], {
      cwd: join(ROOT, pkg.dir),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tarball = join(out, tarballName(pkg.name));
    const problems = checkTarball(tarball, pkg);
    if (problems.length > 0) {
      console.error(`pack:all: ${tarballName(pkg.name)} is not fit to publish:`);
      for (const problem of problems) console.error(`  - ${problem}`);
      process.exit(1);
    }
    rows.push([tarballName(pkg.name), listTarball(tarball).length, statSync(tarball).size]);
  }

  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-wheel.mjs'), '--out', out], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const file of readdirSync(out).filter((name) => name.endsWith('.whl'))) {
    rows.push([file, '', statSync(join(out, file)).size]);
  }

  console.log(`pack:all: wrote ${rows.length} files to ${values.out}/`);
  for (const [file, count, size] of rows) {
    console.log(`  ${file.padEnd(48)} ${String(count).padStart(4)} files ${kib(size).padStart(9)}`);
  }
}

function tarballName(name) {
  return `${name.replace('@', '').replace('/', '-')}-${version()}.tgz`;
}

function version() {
  return JSON.parse(readFileSync(join(ROOT, 'packages', 'core', 'package.json'), 'utf8')).version;
}

function listTarball(tarball) {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.length > 0 && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''));
}

function readFromTarball(tarball, path) {
  return execFileSync('tar', ['-xzOf', tarball, `package/${path}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** What is wrong with one tarball: missing promised files, litter, unresolvable maps. */
function checkTarball(tarball, pkg) {
  const files = listTarball(tarball);
  const present = new Set(files);
  const problems = [];
  for (const path of ['package.json', 'README.md', 'LICENSE', ...pkg.mustHave]) {
    if (!present.has(path)) problems.push(`missing ${path}`);
  }
  for (const path of files) {
    if (FORBIDDEN.some((pattern) => pattern.test(path))) problems.push(`should not ship ${path}`);
  }
  const manifest = readFromTarball(tarball, 'package.json');
  if (manifest.includes('workspace:')) problems.push('package.json still says workspace:');
  // Source and declaration maps must point at files the tarball holds, or
  // "go to definition" and stack traces land nowhere.
  for (const map of files.filter((path) => path.endsWith('.map'))) {
    const { sources = [] } = JSON.parse(readFromTarball(tarball, map));
    for (const source of sources) {
      const target = posix.normalize(posix.join(posix.dirname(map), source));
      if (!present.has(target)) problems.push(`${map} points at ${target}, which is not shipped`);
    }
  }
  return problems;
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

main();
