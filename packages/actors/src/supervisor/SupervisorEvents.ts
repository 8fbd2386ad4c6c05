import type { SnakepitEventMap, SupervisorEventBase, SupervisorEventName } from '@snakepit/core';

// The payloads are declared once, in @snakepit/core (events/supervisorEvents.ts).
export type { SupervisorEventBase, SupervisorEventName } from '@snakepit/core';

/** A supervisor event's payload without the facts every one carries. */
export type SupervisorEventPayload<N extends SupervisorEventName> = Omit<
  SnakepitEventMap[N],
  keyof SupervisorEventBase
>;
