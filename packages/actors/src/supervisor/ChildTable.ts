import type {
  ChildHandle,
  ChildSpec,
  ChildType,
  RestartType,
  ShutdownBudget,
} from '../child/ChildSpec.js';
import { invalidOption } from '@snakepit/core';
import {
  resolveBackoffOptions,
  type BackoffOptions,
  type ResolvedBackoffOptions,
} from './backoff.js';
import type { ChildView } from './RestartStrategy.js';

/** A child's state inside its supervisor. */
export interface ChildRecord {
  readonly spec: ChildSpec;
  readonly id: string;
  readonly restart: RestartType;
  readonly type: ChildType;
  readonly shutdown: ShutdownBudget;
  readonly backoff: ResolvedBackoffOptions | false;
  handle: ChildHandle | undefined;
  status: ChildView['status'];
  startedAtMs: number | undefined;
  restartCount: number;
  consecutiveRestarts: number;
  /** Which delayed restart this child waits for, if any. */
  pendingToken: number | undefined;
}

const RESTART_TYPES: readonly unknown[] = ['permanent', 'transient', 'temporary'];
const CHILD_TYPES: readonly unknown[] = ['worker', 'supervisor'];

/** Validates a child spec and builds its record. @throws SnakepitError `INVALID_OPTIONS` */
export function createChildRecord(spec: ChildSpec, backoff: BackoffOptions | false): ChildRecord {
  const path = `children[${JSON.stringify(spec.id)}]`;
  if (typeof spec.id !== 'string' || spec.id === '') {
    throw invalidOption('children[].id', spec.id, 'a non-empty string');
  }
  const start: unknown = Reflect.get(spec, 'start');
  if (typeof start !== 'function') throw invalidOption(`${path}.start`, start, 'a function');
  const restart = spec.restart ?? 'permanent';
  if (!RESTART_TYPES.includes(restart)) {
    throw invalidOption(`${path}.restart`, restart, "'permanent', 'transient' or 'temporary'");
  }
  const type = spec.type ?? 'worker';
  if (!CHILD_TYPES.includes(type))
    throw invalidOption(`${path}.type`, type, "'worker' or 'supervisor'");
  const shutdown = spec.shutdown ?? (type === 'worker' ? 5000 : 'infinity');
  if (!isShutdownBudget(shutdown)) {
    throw invalidOption(
      `${path}.shutdown`,
      shutdown,
      "'brutal_kill', 'infinity' or an integer ≥ 0 (ms)",
    );
  }
  return {
    spec,
    id: spec.id,
    restart,
    type,
    shutdown,
    backoff: resolveBackoffOptions(spec.backoff ?? backoff, `${path}.backoff`),
    handle: undefined,
    status: 'stopped',
    startedAtMs: undefined,
    restartCount: 0,
    consecutiveRestarts: 0,
    pendingToken: undefined,
  };
}

function isShutdownBudget(value: unknown): value is ShutdownBudget {
  if (value === 'brutal_kill' || value === 'infinity') return true;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A supervisor's children in start order. */
export class ChildTable {
  #records: ChildRecord[] = [];

  get size(): number {
    return this.#records.length;
  }

  get(id: string): ChildRecord | undefined {
    return this.#records.find((r) => r.id === id);
  }

  add(record: ChildRecord): void {
    this.#records.push(record);
  }

  remove(id: string): void {
    this.#records = this.#records.filter((r) => r.id !== id);
  }

  /** The records with the given ids, in start order. */
  select(ids: readonly string[]): ChildRecord[] {
    const wanted = new Set(ids);
    return this.#records.filter((r) => wanted.has(r.id));
  }

  /** All records in start order (a copy). */
  all(): ChildRecord[] {
    return [...this.#records];
  }

  views(): readonly ChildView[] {
    return this.#records.map((r) =>
      Object.freeze({
        id: r.id,
        restart: r.restart,
        type: r.type,
        status: r.status,
        startedAtMs: r.startedAtMs,
        restartCount: r.restartCount,
        consecutiveRestarts: r.consecutiveRestarts,
      }),
    );
  }
}
