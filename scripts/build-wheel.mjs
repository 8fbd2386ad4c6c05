#!/usr/bin/env node
// `node scripts/build-wheel.mjs --out <dir>`: builds the snakepit-worker wheel
// from packages/python-bridge/python and prints its path.
//
// setuptools writes build/ and *.egg-info/ next to the sources it builds, so
// the sources are copied to a temporary directory first (without tests and
// caches) and built there: the work tree stays clean. pip's build isolation
// fetches setuptools from the package index.
//
// The interpreter: SNAKEPIT_PYTHON, else the repository's .venv, else python3.
// It needs pip, not grpcio (scripts/python.mjs would insist on grpcio), so it
// is chosen here rather than with resolvePython.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readVersions } from './sync-python-version.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = join(ROOT, 'packages', 'python-bridge', 'python');
const LITTER = new Set(['__pycache__', 'build', 'dist', '.mypy_cache', '.pytest_cache']);

async function main() {
  const out = parseOut();
  const python = choosePython();
  const { npm, python: workerVersion } = readVersions();
  if (npm !== workerVersion) {
    fail(
      `snakepit_worker.__version__ (${workerVersion}) differs from @snakepit/python-bridge (${npm}): ` +
        'run `node scripts/sync-python-version.mjs` first.',
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'snakepit-wheel-'));
  try {
    const copy = join(work, 'snakepit-worker');
    cpSync(SOURCE, copy, { recursive: true, filter: (path) => isShipped(path) });
    mkdirSync(out, { recursive: true });
    const before = new Set(readdirSync(out));
    const { code, output } = await run(python.path, [
      ...['-m', 'pip', 'wheel', '--no-deps', '--disable-pip-version-check'],
      ...['-w', out, copy],
    ]);
    // Thrown, not fail()ed: process.exit would skip the clean-up below.
    if (code !== 0) {
      throw new Error(
        `\`${python.path} -m pip wheel\` failed (exit status ${code}); its output is above.`,
      );
    }
    const wheel = builtWheel(output, out, before);
    if (wheel === undefined)
      throw new Error(`pip succeeded but no snakepit_worker wheel is in ${out}.`);
    console.log(join(out, wheel));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function parseOut() {
  let values;
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string' } } }));
  } catch (error) {
    usage(error.message);
  }
  if (values.out === undefined || values.out === '') usage('--out is required');
  return resolve(values.out);
}

function usage(problem) {
  console.error(`build-wheel: ${problem}\nUsage: node scripts/build-wheel.mjs --out <dir>`);
  process.exit(2);
}

/** The interpreter, with where it came from; fails unless it runs pip. */
function choosePython() {
  const venv = join(ROOT, '.venv', 'bin', 'python');
  const python = process.env.SNAKEPIT_PYTHON
    ? { path: process.env.SNAKEPIT_PYTHON, source: 'SNAKEPIT_PYTHON' }
    : existsSync(venv)
      ? { path: venv, source: '.venv' }
      : { path: 'python3', source: 'PATH' };
  const probe = spawnSync(python.path, ['-m', 'pip', '--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    const why = probe.error ? probe.error.message : (probe.stderr || probe.stdout).trim();
    fail(
      `${python.path} (from ${python.source}) cannot run pip: ${why}\n` +
        'Set SNAKEPIT_PYTHON to a Python 3.9+ that has pip (a venv has it: `python3 -m venv .venv`; ' +
        'Debian: `apt-get install python3-pip`).',
    );
  }
  return python;
}

/** Whether a path of the source tree goes into the copy that is built. */
function isShipped(path) {
  const rel = relative(SOURCE, path);
  const name = basename(path);
  if (rel === 'tests') return false;
  return !LITTER.has(name) && !name.endsWith('.egg-info') && !name.endsWith('.pyc');
}

/** Runs a command with its output on our stderr (stdout is the wheel's path); collects it. */
function run(command, args) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    const relay = (chunk) => {
      chunks.push(chunk);
      process.stderr.write(chunk);
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.on('error', (error) => resolvePromise({ code: -1, output: error.message }));
    child.on('close', (code) => resolvePromise({ code, output: Buffer.concat(chunks).toString() }));
  });
}

/** The wheel pip reports (`filename=…`), else the one that appeared in `out`. */
function builtWheel(output, out, before) {
  const reported = /filename=(snakepit_worker-\S+\.whl)/.exec(output)?.[1];
  if (reported !== undefined && existsSync(join(out, reported))) return reported;
  const wheels = readdirSync(out).filter((f) => /^snakepit_worker-.+\.whl$/.test(f));
  return wheels.find((f) => !before.has(f)) ?? (wheels.length === 1 ? wheels[0] : undefined);
}

function fail(message) {
  console.error(`build-wheel: ${message}`);
  process.exit(1);
}

try {
  await main();
} catch (error) {
  fail(error.message);
}
