import { z } from 'zod';

/**
 * Run ids become file and directory names and are matched in process
 * environments: letters, digits, `.`, `_`, `-`, not starting with a dot,
 * at most 128 characters.
 */
export const RUN_ID_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

const pid = z.number().int().positive();
const ticks = z.number().int().nonnegative();

const registeredWorkerSchema = z.strictObject({
  state: z.enum(['reserved', 'running']),
  /** Absent only when the spawner gave none (then the reaper requires `SNAKEPIT_RUN_ID` in its environment). */
  token: z.string().min(1).optional(),
  pid: pid.optional(),
  pgid: pid.optional(),
  startTimeTicks: ticks.optional(),
});

const runRecordSchema = z.strictObject({
  version: z.literal(1),
  runId: z.string().regex(RUN_ID_PATTERN),
  owner: z.strictObject({
    pid,
    startTimeTicks: ticks,
    bootId: z.string(),
    /** `/proc/self/ns/pid` of the owner: its pids mean nothing in another namespace. */
    pidNamespace: z.string().optional(),
  }),
  createdAtMs: z.number().int().nonnegative(),
  workers: z.record(z.string().min(1), registeredWorkerSchema),
  watchdogPid: pid.optional(),
  /** The run's cgroup v2 directory (`.../snakepit-<runId>`), when it has one. */
  cgroup: z.string().startsWith('/').optional(),
});

/**
 * One worker slot of a run, as the registry file holds it. `reserved` is
 * written before the spawn (so a crash mid-spawn leaves its token behind for
 * the environment scan); `running` adds the process identity after it.
 */
export type RegisteredWorker = z.infer<typeof registeredWorkerSchema>;

/** The content of `<runtimeDir>/registry/<runId>.json`. */
export type RunRecord = z.infer<typeof runRecordSchema>;

/**
 * Parses and validates a registry file's text. Returns the record, or a
 * description of what is wrong with it (truncated JSON, wrong shape, a run id
 * that does not match `expectedRunId`, the file's name).
 */
export function parseRunRecord(text: string, expectedRunId: string): RunRecord | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  const result = runRecordSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    return `unexpected shape at \`${issue?.path.map(String).join('.') ?? ''}\`: ${issue?.message ?? 'invalid'}`;
  }
  if (result.data.runId !== expectedRunId) {
    return `holds run id \`${result.data.runId}\`, not \`${expectedRunId}\` as its name says`;
  }
  return result.data;
}
