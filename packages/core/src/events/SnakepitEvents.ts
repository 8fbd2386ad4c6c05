import type { ActorEventMap } from './actorEvents.js';
import type { PoolEventMap } from './poolEvents.js';
import type { RunEventMap } from './runEvents.js';
import type { SupervisorEventMap } from './supervisorEvents.js';
import type { WorkerEventMap } from './workerEvents.js';

/**
 * Every event Snakepit emits, by name: the one declaration of each payload,
 * one file per family (`workerEvents.ts`, `poolEvents.ts`,
 * `supervisorEvents.ts`, `actorEvents.ts`, `runEvents.ts`). The packages that
 * emit them and the ones that read them (telemetry, the CLI) import these
 * types; none re-declares them. An app may add events of its own by
 * declaration merging (`declare module '@snakepit/core' { interface SnakepitEventMap … }`).
 */
export interface SnakepitEventMap
  extends WorkerEventMap,
    PoolEventMap,
    SupervisorEventMap,
    ActorEventMap,
    RunEventMap {}

/** The name of a Snakepit event. */
export type SnakepitEventName = keyof SnakepitEventMap;
