// Types of proc.mjs (plain JavaScript so that bench/ and owner.mjs load it unbuilt).
import type { ProcStat } from '@snakepit/core/process';

/**
 * A process named by pid and start time (`/proc/PID/stat` field 22, in clock
 * ticks since boot): a pid reused by a newer process has another start time,
 * so it is never mistaken for the one we saw.
 */
export interface ProcessRef {
  readonly pid: number;
  readonly startTime: number;
}

/** A process with its parent and command line, as {@link describeProcesses} found it. */
export interface DescribedProcess extends ProcessRef {
  readonly ppid: number;
  readonly cmd: string;
}

/** When each process of a set was first seen gone. */
export interface GoneReport {
  /** Time from `sinceMs` until the last one was gone; `undefined` when some survived. */
  readonly lastGoneMs: number | undefined;
  /** Per process: time from `sinceMs` until it was first seen gone. */
  readonly goneAfterMs: ReadonlyMap<ProcessRef, number>;
  /** Those still alive at the deadline (same pid and start time). */
  readonly survivors: readonly ProcessRef[];
}

export declare const readStat: (pid: number) => ProcStat | undefined;
export declare function refOf(pid: number): ProcessRef | undefined;
export declare function isAlive(ref: ProcessRef): boolean;
export declare function isGone(pid: number): boolean;
export declare function argvOf(pid: number): string[];
export declare function cmdlineOf(pid: number): string;
export declare function commOf(pid: number): string;
export declare function listPids(): number[];
export declare function processesWithEnv(name: string, value?: string): number[];
export declare function processesOfRun(runId: string): number[];
export declare function childrenOf(parentPid: number): number[];
export declare function descendantsOf(rootPid: number): number[];
export declare function zombieChildrenOf(parentPid: number): number[];
export declare function snapshot(pids: Iterable<number>): ProcessRef[];
export declare function describeProcesses(pids: Iterable<number>): DescribedProcess[];
export declare function waitFor(
  check: () => boolean,
  timeoutMs?: number,
  what?: string,
  pollMs?: number,
): Promise<void>;
export declare function waitUntilGone(
  refs: readonly ProcessRef[],
  options: { readonly sinceMs: number; readonly timeoutMs: number; readonly pollMs?: number },
): Promise<GoneReport>;
export declare function killRefs(refs: Iterable<ProcessRef>): void;
