import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The control protocol this owner speaks: `Ready.protocol_version` of `proto/snakepit.proto`. */
export const PROTOCOL_VERSION = 1;

/** Why a worker that answered `Ready` cannot serve this owner. */
export type WorkerIncompatibility =
  /** It speaks another control protocol. */
  | 'protocol'
  /** Its `snakepit_worker` is of another release line than `@snakepit/python-bridge`, or unreadable. */
  | 'version';

// x.y.z, then what npm (`-rc.1`, `+build`) or Python (`rc1`, `.dev0`, `+local`) appends.
const RELEASE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:[-+.]?[0-9A-Za-z][0-9A-Za-z.+-]*)?$/;

/**
 * The release line of a version: releases on one line work together. By
 * semver, `1.4.2` is on line `1`; below 1.0 a minor release may break, so
 * `0.3.1` is on line `0.3`. `undefined` when `version` is not x.y.z.
 */
export function releaseLine(version: string): string | undefined {
  const match = RELEASE.exec(version);
  if (!match) return undefined;
  const [, major, minor] = match;
  return major === '0' ? `0.${minor}` : major;
}

/**
 * Whether a worker whose `snakepit_worker` is `workerVersion` may serve an
 * owner whose `@snakepit/python-bridge` is `ownerVersion`: same major, and
 * for 0.x the same minor too. An unreadable version is never compatible.
 */
export function isCompatibleWorkerVersion(ownerVersion: string, workerVersion: string): boolean {
  const line = releaseLine(workerVersion);
  return line !== undefined && line === releaseLine(ownerVersion);
}

/**
 * What makes a worker unfit for this owner, judged from its `Ready` frame,
 * or `undefined` when it fits.
 */
export function workerIncompatibility(
  ready: { readonly protocolVersion: number; readonly workerVersion: string },
  ownerVersion: string = bridgeVersion(),
): WorkerIncompatibility | undefined {
  if (ready.protocolVersion !== PROTOCOL_VERSION) return 'protocol';
  if (!isCompatibleWorkerVersion(ownerVersion, ready.workerVersion)) return 'version';
  return undefined;
}

let ownVersion: string | undefined;

/**
 * The version of this `@snakepit/python-bridge`, read once from its
 * `package.json` (beside `src/` and `dist/`, in the workspace as in an
 * installed tarball).
 */
export function bridgeVersion(): string {
  if (ownVersion === undefined) {
    const path = fileURLToPath(new URL('../../package.json', import.meta.url));
    const { version } = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown };
    ownVersion = typeof version === 'string' ? version : '';
  }
  return ownVersion;
}
