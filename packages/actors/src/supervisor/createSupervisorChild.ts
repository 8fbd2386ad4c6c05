import type { ChildSpec } from '../child/ChildSpec.js';
import { Supervisor } from './Supervisor.js';
import { resolveSupervisorOptions, type SupervisorOptions } from './SupervisorOptions.js';

/** What a nested supervisor's parent needs besides its options. */
export interface SupervisorChildOptions {
  /** @default 'permanent' */
  readonly restart?: ChildSpec['restart'];
  /** @default 'infinity' (as OTP for supervisors) */
  readonly shutdown?: ChildSpec['shutdown'];
}

/** A nested supervisor: its child spec and a handle that follows its restarts. */
export interface SupervisorChild {
  readonly spec: ChildSpec;
  readonly ref: {
    readonly id: string;
    /**
     * The running incarnation (`whichChildren`, `startChild`, `restartChild`,
     * …); `undefined` before its first start, and between its exit and its
     * restart.
     */
    readonly current: Supervisor | undefined;
  };
}

/**
 * Runs a supervisor under another one (OTP: a child of type `supervisor`):
 * give `spec` to the parent and reach the nested supervisor through
 * `ref.current`. Its escalation is an exit (`shutdown`, as OTP) that the
 * parent handles by its own strategy.
 * @throws SnakepitError `INVALID_OPTIONS` for bad options, at the call.
 */
export function createSupervisorChild(
  id: string,
  options: SupervisorOptions,
  childOptions: SupervisorChildOptions = {},
): SupervisorChild {
  const resolved = resolveSupervisorOptions({ id, ...options });
  let current: Supervisor | undefined;
  const spec: ChildSpec = {
    id,
    type: 'supervisor',
    restart: childOptions.restart ?? 'permanent',
    shutdown: childOptions.shutdown ?? 'infinity',
    async start() {
      const supervisor = new Supervisor(resolved, { isDynamic: false, maxChildren: Infinity });
      await supervisor.init();
      current = supervisor;
      void supervisor.exited.then(() => {
        if (current === supervisor) current = undefined;
      });
      return supervisor;
    },
  };
  return {
    spec,
    ref: {
      id,
      get current() {
        return current;
      },
    },
  };
}
