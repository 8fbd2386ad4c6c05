import type { ChildSpec } from '../child/ChildSpec.js';
import { invalidOption } from '@snakepit/core';
import { Supervisor } from './Supervisor.js';
import type { RestartStrategy } from './RestartStrategy.js';
import {
  resolveSupervisorOptions,
  type BuiltInStrategyName,
  type SupervisorOptions,
} from './SupervisorOptions.js';

/** Options of {@link createDynamicSupervisor}. */
export interface DynamicSupervisorOptions extends Omit<SupervisorOptions, 'children'> {
  /**
   * How an exit is handled. A group strategy (`one_for_all`, `rest_for_one`,
   * your own) acts on the children in the order they were added; shutdown
   * still stops them all at once. A Python pool uses this for
   * `restart.strategy`. @default 'one_for_one' (OTP's `simple_one_for_one`)
   */
  readonly strategy?: BuiltInStrategyName | RestartStrategy;
  /** Further `startChild` calls fail once this many children exist. @default Infinity */
  readonly maxChildren?: number;
}

/** Defaults of {@link DynamicSupervisorOptions} beyond the supervisor's. */
export const DEFAULT_DYNAMIC_SUPERVISOR_OPTIONS = { maxChildren: Infinity } as const;

/** A supervisor whose children are added and removed at run time. */
export type DynamicSupervisor = Pick<
  Supervisor,
  'id' | 'exited' | 'stop' | 'startChild' | 'terminateChild' | 'whichChildren' | 'settled'
>;

/**
 * Starts a dynamic supervisor (OTP `simple_one_for_one`, Elixir's
 * `DynamicSupervisor`): no children at start, `startChild` adds one,
 * `one_for_one` restarts unless `strategy` says otherwise, children stopped
 * all at once on shutdown.
 * @throws SnakepitError `INVALID_OPTIONS`
 */
export function createDynamicSupervisor(options: DynamicSupervisorOptions = {}): DynamicSupervisor {
  const maxChildren = options.maxChildren ?? DEFAULT_DYNAMIC_SUPERVISOR_OPTIONS.maxChildren;
  if (maxChildren !== Infinity && (!Number.isInteger(maxChildren) || maxChildren < 0)) {
    throw invalidOption('maxChildren', maxChildren, 'an integer ≥ 0 or Infinity');
  }
  const { maxChildren: _maxChildren, ...rest } = options;
  const resolved = resolveSupervisorOptions({ strategy: 'one_for_one', ...rest, children: [] });
  return new Supervisor(resolved, { isDynamic: true, maxChildren });
}

/** A child spec that runs a dynamic supervisor under another supervisor. */
export function dynamicSupervisorChild(
  id: string,
  options: DynamicSupervisorOptions,
  onStart?: (supervisor: DynamicSupervisor) => void,
): ChildSpec {
  return {
    id,
    type: 'supervisor',
    shutdown: 'infinity',
    start() {
      const supervisor = createDynamicSupervisor({ id, ...options });
      onStart?.(supervisor);
      return Promise.resolve(supervisor as Supervisor);
    },
  };
}
