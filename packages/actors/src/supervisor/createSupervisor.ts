import type { ChildSpec } from '../child/ChildSpec.js';
import { Supervisor } from './Supervisor.js';
import { resolveSupervisorOptions, type SupervisorOptions } from './SupervisorOptions.js';

/**
 * Starts a supervisor and its children in order. Resolves once all children
 * run; if one fails to start, stops the others (reverse order) and rejects.
 * @throws SnakepitError `INVALID_OPTIONS` for bad options, `WORKER_START_FAILED` when a child fails.
 */
export async function createSupervisor(options: SupervisorOptions = {}): Promise<Supervisor> {
  const supervisor = new Supervisor(resolveSupervisorOptions(options), {
    isDynamic: false,
    maxChildren: Infinity,
  });
  await supervisor.init();
  return supervisor;
}

/** What a nested supervisor's parent needs besides its options. */
export interface SupervisorChildOptions {
  /** @default 'permanent' */
  readonly restart?: ChildSpec['restart'];
  /** @default 'infinity' (as OTP for supervisors) */
  readonly shutdown?: ChildSpec['shutdown'];
}

/**
 * A child spec that runs a supervisor under another one. Its escalation is an
 * exit (`shutdown`, as OTP) that the parent handles by its own strategy.
 */
export function supervisorChild(
  id: string,
  options: SupervisorOptions,
  childOptions: SupervisorChildOptions = {},
): ChildSpec {
  const resolved = resolveSupervisorOptions({ id, ...options });
  return {
    id,
    type: 'supervisor',
    restart: childOptions.restart ?? 'permanent',
    shutdown: childOptions.shutdown ?? 'infinity',
    async start() {
      const supervisor = new Supervisor(resolved, { isDynamic: false, maxChildren: Infinity });
      await supervisor.init();
      return supervisor;
    },
  };
}
