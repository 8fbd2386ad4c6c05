import type { ChildSpec } from '../child/ChildSpec.js';
import { Supervisor } from './Supervisor.js';
import { createSupervisorChild, type SupervisorChildOptions } from './createSupervisorChild.js';
import { resolveSupervisorOptions, type SupervisorOptions } from './SupervisorOptions.js';

/**
 * Starts a supervisor and its children in order. Resolves once every child
 * has been started; a child that exited meanwhile is handled after start-up,
 * by the strategy (as OTP's `init/1`), so the supervisor may escalate right
 * after. If a child's `start()` rejects, stops the others (reverse order) and
 * rejects.
 * @throws SnakepitError `INVALID_OPTIONS` for bad options, `CHILD_START_FAILED` when a child fails.
 */
export async function createSupervisor(options: SupervisorOptions = {}): Promise<Supervisor> {
  const supervisor = new Supervisor(resolveSupervisorOptions(options), {
    isDynamic: false,
    maxChildren: Infinity,
  });
  await supervisor.init();
  return supervisor;
}

/**
 * A child spec that runs a supervisor under another one. Its escalation is an
 * exit (`shutdown`, as OTP) that the parent handles by its own strategy. For
 * a handle to the nested supervisor, use `createSupervisorChild`.
 * @throws SnakepitError `INVALID_OPTIONS` for bad options, at the call.
 */
export function supervisorChild(
  id: string,
  options: SupervisorOptions,
  childOptions: SupervisorChildOptions = {},
): ChildSpec {
  return createSupervisorChild(id, options, childOptions).spec;
}
