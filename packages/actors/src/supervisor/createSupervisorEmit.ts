import type { SnakepitEventMap } from '@snakepit/core';
import type { SupervisorEventName, SupervisorEventPayload } from './SupervisorEvents.js';
import type { ResolvedSupervisorOptions } from './SupervisorOptions.js';

/** Emits one supervisor event, adding the facts every one carries. */
export type SupervisorEmit = <N extends SupervisorEventName>(
  name: N,
  payload: SupervisorEventPayload<N>,
) => void;

/** An emitter for supervisor `supervisorId`; builds nothing when nobody listens. */
export function createSupervisorEmit(
  supervisorId: string,
  options: Pick<ResolvedSupervisorOptions, 'events' | 'clock'>,
): SupervisorEmit {
  return (name, payload) => {
    const events = options.events;
    if (!events?.hasListeners(name)) return;
    const base = { supervisorId, timestampMs: options.clock.wallNow() };
    events.emit(name, { ...base, ...payload } as SnakepitEventMap[typeof name]);
  };
}
