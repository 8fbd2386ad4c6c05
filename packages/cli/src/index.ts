/**
 * `@snakepit/cli`: the `snakepit` command. Its commands are importable for embedding.
 *
 * @packageDocumentation
 * @module @snakepit/cli
 */
export { defineConfig } from './config/defineConfig.js';
export { snakepitConfigSchema } from './config/snakepitConfigSchema.js';
export type { SnakepitConfig } from './config/snakepitConfigSchema.js';
export { CONFIG_FIELDS } from './config/configFields.js';
export type { ConfigField, ConfigKey, FieldKind } from './config/configFields.js';
export { resolveRunConfig, toPoolOptions, DEFAULT_RUN_CONFIG } from './config/resolveRunConfig.js';
export type {
  ConfigSource,
  ResolvedRunConfig,
  RunConfigSources,
} from './config/resolveRunConfig.js';
export { loadConfigFile } from './config/loadConfigFile.js';
export { Run } from './run/Run.js';
export type { RunOptions } from './run/Run.js';
export { RunMonitor } from './run/RunMonitor.js';
export type {
  RunMonitorOptions,
  RunState,
  RunStatus,
  WorkerStatus,
  TimelineEntry,
  PoolView,
} from './run/RunMonitor.js';
export { createRunLogger } from './run/createRunLogger.js';
export type { RunLogger, RunLoggerOptions } from './run/createRunLogger.js';
export { describeEvent } from './run/describeEvent.js';
export type { EventDescription, LifecycleKind, LogLevel } from './run/describeEvent.js';
export type { MetricsEndpoint, RunTelemetry } from './run/startTelemetry.js';
export { startStatusServer } from './http/startStatusServer.js';
export type { StatusServer, StatusServerOptions } from './http/startStatusServer.js';
export { STATUS_PAGE_HTML } from './http/statusPage.js';
export { runCommand } from './commands/run.js';
export type { RunCommandOptions } from './commands/run.js';
export { runDemo } from './commands/demo.js';
export type { DemoOptions } from './commands/demo.js';
export { psCommand } from './commands/ps.js';
export type { PsOptions } from './commands/ps.js';
// Moved to core (a run on this machine has one home); re-exported so that the
// CLI's embedding API is unchanged.
export { listRuns } from '@snakepit/core/run';
export type { RunListing, RunListingStatus, WorkerListing } from '@snakepit/core/run';
export { reapCommand } from './commands/reap.js';
export type { ReapCommandOptions } from './commands/reap.js';
export { doctorCommand } from './commands/doctor.js';
export type { DoctorOptions } from './commands/doctor.js';
export type { CheckResult, CheckStatus } from './doctor/doctorChecks.js';
export { EXIT_CODES } from './exitCodes.js';
