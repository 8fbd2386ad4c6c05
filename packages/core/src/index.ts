/**
 * `@snakepit/core`: what an app or a Snakepit package needs from core —
 * typed errors, the event bus and the event contract, clocks (real and
 * manual) and the bad-option error. Nothing here knows OpenTelemetry or gRPC,
 * and nothing here imports zod.
 *
 * The rest of core is plumbing behind documented subpaths, for Snakepit's own
 * packages and tools (docs/adr/0010-public-surface.md):
 * `@snakepit/core/process` (spawning, the kill ladder, procfs, process
 * identity, cgroups, the runtime directory, interpreter resolution),
 * `@snakepit/core/run` (a run on this machine: `openRun`, run ids, the
 * registry, the reaper) and `@snakepit/core/options` (`parseOptions`).
 *
 * @packageDocumentation
 * @module @snakepit/core
 */
// One list: the kernel worker threads load as `@snakepit/core/runtime`. What
// needs zod (`parseOptions`, the registry) lives on the subpaths, so that the
// main entry stays cheap to import and at most 30 names (test/api).
export * from './runtime.js';
