import { chmodSync, chownSync, lstatSync, mkdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSnakepitError } from '../../src/errors/SnakepitError.js';
import { resolveRuntimeDir, runtimeDir } from '../../src/registry/runtimeDir.js';
import { tempRuntimeDir } from '../process/procHelpers.js';

const uid = process.getuid?.() ?? 'user';
/** Another user's uid: `nobody` (the suite runs as root, which may chown). */
const OTHER_UID = 65534;

describe('runtimeDir', () => {
  it('prefers SNAKEPIT_RUNTIME_DIR, then XDG_RUNTIME_DIR', () => {
    const dir = tempRuntimeDir();
    expect(runtimeDir({ SNAKEPIT_RUNTIME_DIR: join(dir, 'a'), XDG_RUNTIME_DIR: dir })).toBe(
      join(dir, 'a'),
    );
    expect(runtimeDir({ XDG_RUNTIME_DIR: dir })).toBe(join(dir, 'snakepit'));
  });

  it('falls back to a tmpfs (/dev/shm) before the temp directory, private to us', () => {
    const dir = runtimeDir({});
    // This machine has a writable /dev/shm; elsewhere the temp directory is used.
    expect(dir).toBe(join('/dev/shm', `snakepit-${uid}`));
    expect(dir).not.toBe(join(tmpdir(), `snakepit-${uid}`));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});

// Issue 20, defect 4: the default locations are predictable, so another local
// user can create them first. Each such location is passed over for the next.
describe('a default location another user got to first', () => {
  function xdgWith(plant: (target: string) => void): { xdg: string; planted: string } {
    const xdg = tempRuntimeDir();
    const planted = join(xdg, 'snakepit');
    plant(planted);
    return { xdg, planted };
  }

  it.each([
    [
      'owned by another user, sticky and world-writable',
      (path: string) => {
        mkdirSync(path, { mode: 0o777 });
        chmodSync(path, 0o1777);
        chownSync(path, OTHER_UID, OTHER_UID);
      },
      `belongs to uid ${OTHER_UID}`,
    ],
    [
      'owned by another user, 0755',
      (path: string) => {
        mkdirSync(path, { mode: 0o755 });
        chownSync(path, OTHER_UID, OTHER_UID);
      },
      `belongs to uid ${OTHER_UID}`,
    ],
    [
      'ours but world-writable',
      (path: string) => {
        mkdirSync(path);
        chmodSync(path, 0o777);
      },
      'is writable by other users (mode 777)',
    ],
    [
      'a symbolic link to a directory of ours',
      (path: string) => symlinkSync(tempRuntimeDir(), path),
      'is a symbolic link',
    ],
  ])('%s: passed over, with the reason, for the next location', (_, plant, problem) => {
    const { xdg, planted } = xdgWith(plant);
    const resolved = resolveRuntimeDir({ XDG_RUNTIME_DIR: xdg });
    expect(resolved.skipped).toEqual([{ dir: planted, problem }]);
    expect(resolved.dir).toBe(join('/dev/shm', `snakepit-${uid}`));
  });

  it('a directory of ours that others may only read is made 0700 and used', () => {
    const { xdg, planted } = xdgWith((path) => {
      mkdirSync(path);
      chmodSync(path, 0o755);
    });
    expect(resolveRuntimeDir({ XDG_RUNTIME_DIR: xdg })).toEqual({ dir: planted, skipped: [] });
    expect(lstatSync(planted).mode & 0o777).toBe(0o700);
  });

  it('an explicit SNAKEPIT_RUNTIME_DIR is never passed over: a symbolic link is an error', () => {
    const link = join(tempRuntimeDir(), 'link');
    symlinkSync(tempRuntimeDir(), link);
    let error: unknown;
    try {
      runtimeDir({ SNAKEPIT_RUNTIME_DIR: link });
    } catch (caught) {
      error = caught;
    }
    expect(isSnakepitError(error, 'REGISTRY_ERROR')).toBe(true);
    expect((error as Error).message).toContain(`\`${link}\``);
    expect((error as Error).message).toContain('is a symbolic link');
  });
});
