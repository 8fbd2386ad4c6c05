import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

/** The fields of `/proc/PID/stat` that process ownership needs. */
export interface ProcStat {
  readonly pid: number;
  /** One letter: `R`, `S`, `D`, `T`, `Z` (zombie), `X` (dead)… */
  readonly state: string;
  readonly ppid: number;
  /** Process group id. */
  readonly pgrp: number;
  /** Session id. */
  readonly session: number;
  /** Field 22: start time after boot, in clock ticks (10 ms on Linux). */
  readonly startTimeTicks: number;
}

/**
 * Reads `/proc/PID/stat`, or returns `undefined` when the process is gone
 * or there is no procfs (macOS, Windows). Never throws.
 */
export function readProcStat(pid: number): ProcStat | undefined {
  if (!isValidPid(pid)) return undefined;
  try {
    return parseProcStat(pid, readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Parses the text of `/proc/PID/stat`; `undefined` if it is malformed. */
export function parseProcStat(pid: number, text: string): ProcStat | undefined {
  // `comm` (field 2) may hold spaces and parentheses, even `) `: only the
  // LAST `)` ends it, since no later field can contain one.
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const rest = text.slice(close + 2).split(' ');
  // rest[0] is field 3 (state); field N is rest[N - 3].
  const startTimeTicks = Number(rest[19]);
  if (rest.length < 20 || !rest[0] || !Number.isSafeInteger(startTimeTicks)) return undefined;
  return {
    pid,
    state: rest[0],
    ppid: Number(rest[1]),
    pgrp: Number(rest[2]),
    session: Number(rest[3]),
    startTimeTicks,
  };
}

/**
 * Reads the initial environment of a process (`/proc/PID/environ`) as a map.
 * Returns `undefined` when the process is gone, is not ours to read (EACCES),
 * or there is no procfs. A zombie's environment reads as empty. Never throws.
 */
export function readProcessEnvironment(pid: number): Map<string, string> | undefined {
  const raw = readEnvironText(pid);
  if (raw === undefined) return undefined;
  const env = new Map<string, string>();
  for (const entry of raw.split('\0')) {
    const eq = entry.indexOf('=');
    // First assignment wins, as getenv() does on a duplicated name.
    if (eq > 0 && !env.has(entry.slice(0, eq))) env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return env;
}

/**
 * The raw NUL-separated `/proc/PID/environ` text, or `undefined` when it
 * cannot be read. Cheaper than {@link readProcessEnvironment} for a scan.
 */
export function readEnvironText(pid: number): string | undefined {
  if (!isValidPid(pid)) return undefined;
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Whether a NUL-separated environ text holds exactly `entry` (`NAME=value`)
 * as one of its entries: `SNAKEPIT_RUN_ID=ab` does not match `…=abc`.
 */
export function hasEnvironEntry(environText: string, entry: string): boolean {
  return `\0${environText}\0`.includes(`\0${entry}\0`);
}

/** Every pid in `/proc`, or `[]` without procfs. Never throws. */
export function listProcessIds(): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^[0-9]+$/.test(name))
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * This boot's id (`/proc/sys/kernel/random/boot_id`), cached; `undefined`
 * without procfs. Pids and start times only mean something within one boot.
 */
export const readBootId = cachedOnce(() =>
  readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(),
);

/**
 * This process's pid namespace (`pid:[4026531836]`), cached; `undefined`
 * without procfs. A pid from another namespace names another process here.
 */
export const readPidNamespace = cachedOnce(() => readlinkSync('/proc/self/ns/pid'));

function cachedOnce(read: () => string): () => string | undefined {
  let hasRead = false;
  let value: string | undefined;
  return () => {
    if (!hasRead) {
      try {
        value = read() || undefined;
      } catch {
        value = undefined;
      }
      hasRead = true;
    }
    return value;
  };
}

function isValidPid(pid: number): boolean {
  return Number.isSafeInteger(pid) && pid > 0;
}
