import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runtimeDir } from '../../src/registry/runtimeDir.js';
import { tempRuntimeDir } from '../process/procHelpers.js';

describe('runtimeDir', () => {
  const uid = process.getuid?.() ?? 'user';

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
