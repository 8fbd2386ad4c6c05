#!/usr/bin/env node
// The consumer test (`pnpm test:consumer`): what a user does with the
// packages, done in a fresh folder outside the workspace with plain npm and
// the app's own Python. It keeps the tarballs, the README and the container
// recipe honest:
//   1. pack every package and the wheel (`scripts/pack-all.mjs`);
//   2. follow README.md's "Use it in your project" verbatim: its shell block
//      and its files, then `node app.mjs`;
//   3. the wheel in the app's venv: `import snakepit_worker` prints the npm version;
//   4. type-check a file that uses the public API under four module resolutions;
//   5. `npx snakepit --version` and `npx snakepit demo`;
//   6. a missing optional exporter gets an error that names it;
//   7. the Dockerfile of docs/deployment.md, step by step (./dockerfile.mjs).
// `--keep` leaves the folders behind for a look.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { codeBlocks, section } from './markdown.mjs';
import { runDockerfile } from './dockerfile.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixture', import.meta.url));
const VERSION = JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')).version;
const { values: flags } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });

/** The environment of a user's shell: nothing of this repository's set-up leaks in. */
function userEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  for (const name of Object.keys(env)) {
    if (name.startsWith('SNAKEPIT_') && !(name in extra)) delete env[name];
    if (name.startsWith('npm_') || name.startsWith('PNPM_') || name === 'VIRTUAL_ENV')
      delete env[name];
  }
  env.PATH = (env.PATH ?? '')
    .split(':')
    .filter((entry) => !entry.startsWith(ROOT))
    .join(':');
  return env;
}

const started = Date.now();
function step(title) {
  console.log(`\n[consumer ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${title}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: 10 * 60_000,
    ...options,
  });
  if (result.status !== 0) {
    throw new Error(
      `\`${[command, ...args].join(' ')}\` failed (${result.error?.message ?? `status ${result.status}, signal ${result.signal}`}) in ${options.cwd ?? process.cwd()}\n` +
        `--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  return result.stdout;
}

function expect(condition, message) {
  if (!condition) throw new Error(`consumer test: ${message}`);
}

const dist = mkdtempSync(join(tmpdir(), 'snakepit-dist-'));
const app = mkdtempSync(join(tmpdir(), 'snakepit-consumer-'));
expect(relative(ROOT, app).startsWith('..'), `the app folder ${app} must be outside the workspace`);

try {
  step(`pack every package and the wheel into ${dist}`);
  console.log(
    run(process.execPath, [join(ROOT, 'scripts/pack-all.mjs'), '--out', dist], {
      cwd: ROOT,
    }).trim(),
  );

  step(`README "Use it in your project", in ${app}`);
  const readme = section(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'Use it in your project');
  const blocks = codeBlocks(readme);
  run('npm', ['init', '-y'], { cwd: app, env: userEnv() });
  const shell = blocks.find(
    (block) => block.lang === 'sh' && block.code.startsWith('# in your app'),
  );
  expect(shell, 'README has no "# in your app" shell block');
  console.log(shell.code);
  run('bash', ['-euo', 'pipefail', '-c', shell.code], {
    cwd: app,
    env: userEnv({ SNAKEPIT_DIST: dist }),
  });
  for (const block of blocks) {
    const file = /^(?:#|\/\/) ([\w./-]+\.(?:py|mjs|js|ts))\n/.exec(block.code)?.[1];
    if (file === undefined) continue;
    mkdirSync(dirname(join(app, file)), { recursive: true });
    writeFileSync(join(app, file), block.code);
  }
  const output = run('node', ['app.mjs'], { cwd: app, env: userEnv(), timeout: 120_000 });
  console.log(output.trim());
  expect(/label: 'greeting'/.test(output), `app.mjs did not print the prediction: ${output}`);
  const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
  console.log(`package.json dependencies: ${JSON.stringify(manifest.dependencies, null, 2)}`);
  expect(
    Object.keys(manifest.dependencies ?? {}).length === 6,
    'package.json should list the six @snakepit tarballs',
  );

  step("the wheel in the app's venv");
  const python = join(app, '.venv/bin/python');
  const versions = run(
    python,
    [
      '-c',
      'import snakepit_worker, google.protobuf as p; print(snakepit_worker.__version__, p.__version__)',
    ],
    { cwd: tmpdir(), env: userEnv() },
  ).trim();
  console.log(`snakepit_worker, protobuf: ${versions}`);
  expect(versions.split(' ')[0] === VERSION, `snakepit_worker.__version__ is not ${VERSION}`);
  // grpcio is the `grpc` extra, for `transport: 'grpc'` only: the README's app
  // above ran its framed workers in a venv without it.
  const grpc = run(
    python,
    [
      '-c',
      'import importlib.util, importlib.metadata as m; print(importlib.util.find_spec("grpc") is None, [r for r in m.requires("snakepit-worker") if r.startswith("grpcio")])',
    ],
    { cwd: tmpdir(), env: userEnv() },
  ).trim();
  console.log(`grpc absent, grpcio requirement: ${grpc}`);
  expect(
    /^True \['grpcio.*extra == "grpc"'\]$/.test(grpc),
    `the wheel should leave grpcio to its grpc extra: ${grpc}`,
  );
  console.log(
    run(join(app, '.venv/bin/pip'), ['list', '--format=freeze'], { env: userEnv() }).trim(),
  );

  step('type-check the public API under four module resolutions');
  const typescript = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies;
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '-D',
      `typescript@${typescript.typescript}`,
      `@types/node@${typescript['@types/node']}`,
    ],
    {
      cwd: app,
      env: userEnv(),
    },
  );
  // The same file as an ES module (.mts) and as whatever the app's package.json
  // makes a .ts (CommonJS, as `npm init` writes it).
  cpSync(join(FIXTURES, 'check.ts'), join(app, 'check.ts'));
  cpSync(join(FIXTURES, 'check.ts'), join(app, 'check.mts'));
  const resolutions = {
    node16: { module: 'node16', moduleResolution: 'node16', file: 'check.mts' },
    nodenext: { module: 'nodenext', moduleResolution: 'nodenext', file: 'check.ts' },
    bundler: { module: 'esnext', moduleResolution: 'bundler', file: 'check.ts' },
    // As `tsc --init` writes it: zod's declarations need esModuleInterop there.
    node: { module: 'commonjs', moduleResolution: 'node', esModuleInterop: true, file: 'check.ts' },
  };
  for (const [name, { file, ...options }] of Object.entries(resolutions)) {
    const config = {
      compilerOptions: {
        ...options,
        target: 'es2022',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
      },
      files: [file],
    };
    writeFileSync(join(app, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));
    run(join(app, 'node_modules/.bin/tsc'), ['-p', `tsconfig.${name}.json`], {
      cwd: app,
      env: userEnv(),
    });
    console.log(`moduleResolution ${name} (${file}): no errors`);
  }

  step('npx snakepit --version, npx snakepit demo');
  const printed = run('npx', ['--no-install', 'snakepit', '--version'], {
    cwd: app,
    env: userEnv(),
  }).trim();
  expect(printed === VERSION, `snakepit --version printed ${printed}, expected ${VERSION}`);
  console.log(`snakepit --version: ${printed}`);
  const demo = run('npx', ['--no-install', 'snakepit', 'demo'], {
    cwd: app,
    env: userEnv(),
    timeout: 120_000,
  });
  console.log(demo.trim().split('\n').slice(-3).join('\n'));

  step('a missing optional exporter is named');
  cpSync(join(FIXTURES, 'missing-exporter.mjs'), join(app, 'missing-exporter.mjs'));
  console.log(run('node', ['missing-exporter.mjs'], { cwd: app, env: userEnv() }).trim());

  step('the Dockerfile of docs/deployment.md, step by step');
  await runDockerfile({ root: ROOT, context: app, log: console.log });

  step(`passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  if (flags.keep) {
    console.log(`kept ${app} and ${dist}`);
  } else {
    rmSync(app, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  }
}
