import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PYTHON_PACKAGE_DIR } from './startWorkerProcess.js';

/** The oldest and newest release of a Python dependency that CI runs the suite with. */
export interface TestedRange {
  readonly oldest: string;
  readonly newest: string;
}

/** The Python dependencies whose releases CI tests the worker with. */
export interface TestedVersions {
  readonly grpcio: TestedRange;
  readonly protobuf: TestedRange;
}

/**
 * The tested ranges the `snakepit_worker` package declares in
 * `tested_versions.json` (one file, read by people, Python tooling and
 * `snakepit doctor`).
 */
export function readTestedVersions(): TestedVersions {
  const path = join(PYTHON_PACKAGE_DIR, 'snakepit_worker', 'tested_versions.json');
  return JSON.parse(readFileSync(path, 'utf8')) as TestedVersions;
}

/**
 * Why `version` of `name` is outside its tested range, or `undefined` when it
 * is inside. Releases are compared by major and minor number: a patch release
 * of the newest tested one counts as tested.
 */
export function untestedVersion(
  name: keyof TestedVersions,
  version: string,
  tested: TestedVersions = readTestedVersions(),
): string | undefined {
  const { oldest, newest } = tested[name];
  const release = majorMinor(version);
  if (release === undefined) return `${name} ${version} is not a release number we can compare`;
  if (compare(release, majorMinor(oldest)!) < 0) {
    return `${name} ${version} is older than the oldest tested release (${oldest})`;
  }
  if (compare(release, majorMinor(newest)!) > 0) {
    return `${name} ${version} is newer than the newest tested release (${newest})`;
  }
  return undefined;
}

function majorMinor(version: string): readonly [number, number] | undefined {
  const match = /^(\d+)\.(\d+)/.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function compare(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}
