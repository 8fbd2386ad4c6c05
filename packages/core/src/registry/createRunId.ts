import { randomBytes } from 'node:crypto';

/**
 * A fresh run id: base-36 milliseconds, then 12 random hex digits
 * (`mbx3k2a1-9f2c4e7a1b3d`). Run ids must be unique per run: the reaper and
 * the watchdog find a run's processes by `SNAKEPIT_RUN_ID`, so two live runs
 * sharing one would be confused. Sorts roughly by start time.
 */
export function createRunId(): string {
  return `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
}
