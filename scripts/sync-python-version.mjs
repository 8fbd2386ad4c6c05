#!/usr/bin/env node
// Keeps `snakepit_worker.__version__` equal to the version of the npm package
// that ships it (@snakepit/python-bridge): the owner refuses a worker of
// another release line, and the wheel takes its version from that line.
// Without arguments, writes the npm version into __init__.py; `--check` only
// compares and exits 1 when they differ (run by `pnpm test`).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE_JSON = join(root, 'packages/python-bridge/package.json');
const INIT_PY = join(root, 'packages/python-bridge/python/snakepit_worker/__init__.py');
const VERSION_LINE = /^__version__ = "([^"\n]*)"$/gm;
// The npm versions Python packaging also reads (PEP 440 normalises `1.2.0-rc.1`
// to `1.2.0rc1`); a tag like `-next.1` would break the wheel's build.
const PEP440_COMPATIBLE = /^\d+\.\d+\.\d+(?:-(?:a|b|c|rc|alpha|beta|pre|preview|dev|post)\.?\d*)?$/;

/** The two versions, as written in package.json and in __init__.py. */
export function readVersions() {
  const npm = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')).version;
  const source = readFileSync(INIT_PY, 'utf8');
  const matches = [...source.matchAll(VERSION_LINE)];
  if (matches.length !== 1) {
    throw new Error(
      `expected one \`__version__ = "…"\` line in ${relative(root, INIT_PY)}, found ${matches.length}`,
    );
  }
  return { npm, python: matches[0][1], source };
}

function main(args) {
  const isCheck = args.includes('--check');
  const { npm, python, source } = readVersions();
  if (typeof npm !== 'string' || !PEP440_COMPATIBLE.test(npm)) {
    fail(
      `@snakepit/python-bridge's version \`${npm}\` is not one Python packaging accepts ` +
        '(x.y.z, optionally -a/-b/-rc/-alpha/-beta/-dev/-post with a number)',
    );
  }
  if (python === npm) {
    console.log(`snakepit_worker.__version__ = @snakepit/python-bridge version = ${npm}`);
    return;
  }
  if (isCheck) {
    fail(
      `snakepit_worker.__version__ is ${python} (${relative(root, INIT_PY)}) but ` +
        `@snakepit/python-bridge is ${npm} (${relative(root, PACKAGE_JSON)}): ` +
        'run `node scripts/sync-python-version.mjs` to copy the npm version.',
    );
  }
  writeFileSync(INIT_PY, source.replace(VERSION_LINE, `__version__ = "${npm}"`));
  console.log(`snakepit_worker.__version__: ${python} → ${npm}`);
}

function fail(message) {
  console.error(`sync-python-version: ${message}`);
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    fail(error.message);
  }
}
