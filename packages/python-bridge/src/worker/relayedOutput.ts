import type { v1 } from '@snakepit/proto';

/** Receives a worker's output, line by line. */
export type OutputHandler = (stream: 'stdout' | 'stderr', line: string) => void;

/**
 * A forked worker shares the fork server's stdout and stderr, so it sends its
 * output as `Log` frames (logger `stdout` or `stderr`) on its control
 * channel instead. Hands such a frame's line to `onOutput`; false for any
 * other frame.
 */
export function relayedOutput(frame: v1.ControlFrame, onOutput: OutputHandler): boolean {
  if (!frame.log) return false;
  onOutput(frame.log.logger === 'stdout' ? 'stdout' : 'stderr', frame.log.message ?? '');
  return true;
}
