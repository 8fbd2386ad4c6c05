import { realClock, type Clock, type EventBus } from '@snakepit/core';
import type { ChildSpec } from '../child/ChildSpec.js';
import { invalidOption } from '@snakepit/core';
import {
  resolveBackoffOptions,
  type BackoffOptions,
  type ResolvedBackoffOptions,
} from './backoff.js';
import type { RestartStrategy } from './RestartStrategy.js';
import { oneForAll, oneForOne, restForOne } from './strategies.js';

/** A built-in strategy by its OTP name. */
export type BuiltInStrategyName = 'one_for_one' | 'one_for_all' | 'rest_for_one';

/** Options of {@link createSupervisor}. */
export interface SupervisorOptions {
  /** Names the supervisor in events. @default 'supervisor' */
  readonly id?: string;
  /** A built-in strategy's name, or your own. @default 'one_for_one' */
  readonly strategy?: BuiltInStrategyName | RestartStrategy;
  /** Started in order at start, stopped in reverse order. @default [] */
  readonly children?: readonly ChildSpec[];
  /**
   * Restarts allowed within `periodMs` before the supervisor gives up,
   * stops its children and exits (escalation). @default 3 (Elixir's; OTP's is 1)
   */
  readonly maxRestarts?: number;
  /** The intensity window, ms. @default 5000 */
  readonly periodMs?: number;
  /** Backoff for children that set none. `false`: restart at once, as OTP. @default false */
  readonly backoff?: BackoffOptions | false;
  /** Time source for intensity, backoff and shutdown budgets. @default realClock */
  readonly clock?: Clock;
  /** Where restart, escalation and shutdown events go. @default none */
  readonly events?: EventBus;
  /** Random numbers in [0, 1) for backoff jitter. @default Math.random */
  readonly random?: () => number;
}

/** {@link SupervisorOptions} resolved and validated. */
export interface ResolvedSupervisorOptions {
  readonly id: string;
  readonly strategy: RestartStrategy;
  readonly children: readonly ChildSpec[];
  readonly maxRestarts: number;
  readonly periodMs: number;
  readonly backoff: ResolvedBackoffOptions | false;
  readonly clock: Clock;
  readonly events: EventBus | undefined;
  /** Random numbers in [0, 1) for backoff jitter. */
  readonly random: () => number;
}

/** Defaults of {@link SupervisorOptions}. */
export const DEFAULT_SUPERVISOR_OPTIONS = {
  id: 'supervisor',
  strategy: 'one_for_one',
  children: [],
  maxRestarts: 3,
  periodMs: 5000,
  backoff: false,
  clock: realClock,
  /** `Math.random`, for backoff jitter. */
  random: Math.random,
} as const satisfies SupervisorOptions;

const BUILT_INS: Readonly<Record<BuiltInStrategyName, RestartStrategy>> = {
  one_for_one: oneForOne,
  one_for_all: oneForAll,
  rest_for_one: restForOne,
};

/** Resolves and validates supervisor options. @throws SnakepitError `INVALID_OPTIONS` */
export function resolveSupervisorOptions(options: SupervisorOptions): ResolvedSupervisorOptions {
  const merged = { ...DEFAULT_SUPERVISOR_OPTIONS, ...options };
  if (typeof merged.id !== 'string' || merged.id === '') {
    throw invalidOption('id', merged.id, 'a non-empty string');
  }
  if (!Number.isInteger(merged.maxRestarts) || merged.maxRestarts < 0) {
    throw invalidOption('maxRestarts', merged.maxRestarts, 'an integer ≥ 0');
  }
  if (!Number.isInteger(merged.periodMs) || merged.periodMs <= 0) {
    throw invalidOption('periodMs', merged.periodMs, 'an integer > 0 (ms)');
  }
  if (!Array.isArray(merged.children)) throw invalidOption('children', merged.children, 'an array');
  const ids = new Set<string>();
  for (const child of merged.children as readonly ChildSpec[]) {
    if (ids.has(child.id))
      throw invalidOption('children[].id', child.id, 'unique among the children');
    ids.add(child.id);
  }
  return {
    id: merged.id,
    strategy: resolveStrategy(merged.strategy),
    children: merged.children,
    maxRestarts: merged.maxRestarts,
    periodMs: merged.periodMs,
    backoff: resolveBackoffOptions(merged.backoff, 'backoff'),
    clock: merged.clock,
    events: options.events,
    random: merged.random,
  };
}

function resolveStrategy(strategy: BuiltInStrategyName | RestartStrategy): RestartStrategy {
  if (typeof strategy === 'string') {
    const builtIn = BUILT_INS[strategy];
    if (builtIn) return builtIn;
  } else if (typeof strategy === 'object' && typeof strategy.decide === 'function') {
    return strategy;
  }
  throw invalidOption(
    'strategy',
    strategy,
    "'one_for_one', 'one_for_all', 'rest_for_one' or a RestartStrategy",
  );
}
