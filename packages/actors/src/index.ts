/**
 * `@snakepit/actors`: actors (inline or on worker threads) and OTP supervisors
 * with user-written restart strategies.
 *
 * @packageDocumentation
 * @module @snakepit/actors
 */
export type { ExitReason } from './exit/ExitReason.js';
export { isNormalExit, describeExit } from './exit/ExitReason.js';
export type {
  ChildHandle,
  ChildSpec,
  ChildType,
  RestartType,
  ShutdownBudget,
} from './child/ChildSpec.js';
export type {
  RestartStrategy,
  RestartDecision,
  ChildExit,
  ChildView,
  RestartRecord,
  StrategyContext,
} from './supervisor/RestartStrategy.js';
export { oneForOne, oneForAll, restForOne, isRestartRequired } from './supervisor/strategies.js';
export type { BackoffOptions, ResolvedBackoffOptions } from './supervisor/backoff.js';
export { DEFAULT_BACKOFF_OPTIONS, computeBackoffDelayMs } from './supervisor/backoff.js';
export { Supervisor } from './supervisor/Supervisor.js';
export type {
  ChildRequestOutcome,
  RestartChildOutcome,
  TerminateChildOutcome,
} from './supervisor/ChildRequestOutcome.js';
export type {
  SupervisorOptions,
  ResolvedSupervisorOptions,
  BuiltInStrategyName,
} from './supervisor/SupervisorOptions.js';
export { DEFAULT_SUPERVISOR_OPTIONS } from './supervisor/SupervisorOptions.js';
export { createSupervisor, supervisorChild } from './supervisor/createSupervisor.js';
export { createSupervisorChild } from './supervisor/createSupervisorChild.js';
export type {
  SupervisorChild,
  SupervisorChildOptions,
} from './supervisor/createSupervisorChild.js';
export {
  createDynamicSupervisor,
  dynamicSupervisorChild,
  DEFAULT_DYNAMIC_SUPERVISOR_OPTIONS,
} from './supervisor/createDynamicSupervisor.js';
export type {
  DynamicSupervisor,
  DynamicSupervisorOptions,
} from './supervisor/createDynamicSupervisor.js';
export type { SupervisorEventBase, SupervisorEventName } from './supervisor/SupervisorEvents.js';
export {
  createMajorityFailureStrategy,
  DEFAULT_MAJORITY_FAILURE_STRATEGY_OPTIONS,
} from './supervisor/createMajorityFailureStrategy.js';
export type { MajorityFailureStrategyOptions } from './supervisor/createMajorityFailureStrategy.js';
export { defineActor } from './actor/ActorBehavior.js';
export type {
  ActorBehavior,
  ActorContext,
  AnyActorBehavior,
  ArgsOf,
  MessageHandler,
  MessageHandlers,
  MessageType,
  PayloadOf,
  ReplyOf,
} from './actor/ActorBehavior.js';
export { DEFAULT_ASK_OPTIONS } from './actor/ActorRef.js';
export type { ActorRef, AskArgs, AskOptions, PayloadArgs } from './actor/ActorRef.js';
export { spawnActor } from './actor/spawnActor.js';
export type { SpawnActorOptions } from './actor/spawnActor.js';
export { createActorChild } from './actor/createActorChild.js';
export type { ActorChild, ActorChildOptions } from './actor/createActorChild.js';
export { createActorHost, DEFAULT_ACTOR_HOST_OPTIONS } from './thread/createActorHost.js';
export type {
  ActorHost,
  ActorHostOptions,
  ActorHostStats,
  Placement,
  SpawnThreadActorOptions,
} from './thread/createActorHost.js';
