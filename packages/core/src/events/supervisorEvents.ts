/** Facts every supervisor event carries. */
export interface SupervisorEventBase {
  readonly supervisorId: string;
  /** Wall-clock Unix milliseconds (from the supervisor's clock). */
  readonly timestampMs: number;
}

/** The `snakepit.supervisor.*` events (emitted by `@snakepit/actors`' supervisors). */
export interface SupervisorEventMap {
  /** A child ended on its own (not stopped by its supervisor). */
  'snakepit.supervisor.child.exited': SupervisorEventBase & {
    readonly childId: string;
    readonly reason: string;
    readonly isAbnormal: boolean;
  };
  /** A child was started again as part of a restart. */
  'snakepit.supervisor.child.restarted': SupervisorEventBase & {
    readonly childId: string;
    /** The child whose exit caused the restart. */
    readonly causeChildId: string;
    readonly reason: string;
    readonly strategy: string;
    readonly delayMs: number;
    readonly restartCount: number;
  };
  /** A restart attempt failed to start a child; it will be tried again. */
  'snakepit.supervisor.child.start_failed': SupervisorEventBase & {
    readonly childId: string;
    readonly reason: string;
  };
  /** The supervisor gave up: it stops its children and exits (`shutdown`). */
  'snakepit.supervisor.escalated': SupervisorEventBase & {
    readonly childId: string;
    readonly reason: string;
    /** `'reached_max_restart_intensity'` or the strategy's reason. */
    readonly escalation: string;
    readonly restartsInPeriod: number;
    readonly maxRestarts: number;
    readonly periodMs: number;
  };
  /** The supervisor has stopped all its children and exited. */
  'snakepit.supervisor.shutdown': SupervisorEventBase & {
    readonly cause: 'stopped' | 'escalated' | 'killed';
    readonly durationMs: number;
  };
}

/** The names of supervisor events. */
export type SupervisorEventName = keyof SupervisorEventMap;
