import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/** Options of {@link writeFileAtomicSync}. */
export interface WriteFileAtomicOptions {
  /** Whether to fsync the data before the rename. @default true */
  readonly fsync?: boolean;
  /** File mode of a new file. @default 0o600 */
  readonly mode?: number;
}

/**
 * Replaces `file` with `data` so that every reader sees either the old or the
 * new content, never a mix: write `<file>.tmp-<pid>-<threadId>`, fsync,
 * rename over `file`. The temporary name is per thread so two threads of one
 * process never write into the same temporary file. Synchronous on purpose:
 * it runs right before and after a spawn, and must be on disk before it.
 *
 * The directory is not fsynced: that only matters after a power loss, and
 * after a reboot the file is stale anyway (its boot id no longer matches).
 *
 * @throws the underlying `fs` error (ENOSPC, EACCES, EROFS…); the temporary
 *   file is removed first.
 */
export function writeFileAtomicSync(
  file: string,
  data: string,
  options: WriteFileAtomicOptions = {},
): void {
  const tmp = `${file}.tmp-${process.pid}-${threadId}`;
  try {
    const fd = openSync(tmp, 'w', options.mode ?? 0o600);
    try {
      writeAll(fd, Buffer.from(data, 'utf8'));
      if (options.fsync ?? true) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The original error says more than a failed clean-up.
    }
    throw error;
  }
}

function writeAll(fd: number, buffer: Buffer): void {
  let offset = 0;
  while (offset < buffer.length) offset += writeSync(fd, buffer, offset);
}
