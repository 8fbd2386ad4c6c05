// Issue 20, defect 4: another local user creates our predictable runtime
// directories first (`/dev/shm/snakepit-<uid>`, `/tmp/snakepit-<uid>`): sticky
// and world-writable, 0755, or a symbolic link. An owner running as a fresh
// unprivileged uid must still start, serve and stop a pool, in a location of
// its own, and leave the planted paths alone. This test (root) is the other
// user. Needs root and Debian's python3-grpcio for /usr/bin/python3 (the fresh
// uid cannot read our .venv's interpreter under /root); `./dev test` installs it.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repetitions } from '../support/chaos.js';
import { startRun } from '../support/chaosResults.js';
import { killRun, processesOfRun } from '../support/processes.js';

const CHILD = fileURLToPath(new URL('../support/runtimeDirChild.mjs', import.meta.url));
const TESTS_DIR = fileURLToPath(new URL('..', import.meta.url));
const DISTRO_PYTHON = process.env.SNAKEPIT_DISTRO_PYTHON ?? '/usr/bin/python3';

/** Plants `path` as the other user; `scratch` is a directory of that user's. */
type Plant = (path: string, scratch: string) => void;
const PLANTS: readonly (readonly [string, Plant])[] = [
  [
    'sticky and world-writable',
    (path) => {
      mkdirSync(path);
      chmodSync(path, 0o1777);
    },
  ],
  [
    '0755',
    (path) => {
      mkdirSync(path);
      chmodSync(path, 0o755);
    },
  ],
  ['a symbolic link', (path, scratch) => symlinkSync(mkdtempSync(join(scratch, 'target-')), path)],
];

interface ChildReport {
  readonly runtimeDir?: string;
  readonly skipped?: readonly { dir: string; problem: string }[];
  readonly result?: unknown;
  readonly error?: string;
}

function runOwnerAs(uid: number, home: string, runId: string): Promise<ChildReport> {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, TMPDIR: '/tmp' };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CHILD, runId, DISTRO_PYTHON],
      { uid, gid: uid, env, cwd: TESTS_DIR, timeout: 60_000 },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').at(-1) ?? '';
        try {
          resolve(JSON.parse(line) as ChildReport);
        } catch {
          reject(new Error(`owner printed no report (${error?.message ?? ''}): ${stderr}`));
        }
      },
    );
  });
}

describe('21. runtime directory taken by another user', () => {
  it.each(repetitions)(
    'run %i: the owner passes over the planted paths, starts, serves and stops; they stay as planted',
    async (i) => {
      if (process.getuid?.() !== 0)
        throw new Error('this scenario needs root (it plays the other user)');
      const [how, plant] = PLANTS[(i - 1) % PLANTS.length]!;
      const run = startRun(`21. runtime directory taken by another user`);
      const uid = 40_000 + (randomBytes(2).readUInt16BE() % 20_000);
      const home = mkdtempSync('/tmp/snakepit-chaos-home-');
      const scratch = mkdtempSync('/tmp/snakepit-chaos-other-user-');
      chownSync(home, uid, uid);
      const planted = [`/dev/shm/snakepit-${uid}`, `/tmp/snakepit-${uid}`];
      const runId = `chaos-rtdir-${randomBytes(4).toString('hex')}`;
      try {
        for (const path of planted) plant(path, scratch);
        const report = await runOwnerAs(uid, home, runId);
        expect(report.error, `${how}: the owner failed`).toBeUndefined();
        expect(report.result).toBe(4);
        expect(report.runtimeDir).toBe(join(home, '.local', 'state', 'snakepit'));
        expect(report.skipped?.map((s) => s.dir)).toEqual(planted);
        for (const path of planted) expect(lstatSync(path).uid).toBe(0);
        expect(processesOfRun(runId)).toEqual([]);
        run.ok();
      } finally {
        await killRun(runId);
        for (const path of [...planted, home, scratch])
          rmSync(path, { recursive: true, force: true });
      }
    },
    90_000,
  );
});
