/**
 * `@snakepit/python-bridge/internal`: what Snakepit's own CLI needs from the
 * bridge beyond the user API — the pool options schema its configuration
 * file extends, and the facts `snakepit doctor` reports (tested versions, the
 * grpcio fork-support variable). Not for apps: no compatibility promise
 * beyond the package's exact version, and not in the API reference
 * (docs/adr/0010-public-surface.md).
 *
 * @packageDocumentation
 * @module @snakepit/python-bridge/internal
 */
export { poolOptionsSchema } from './pool/PoolOptions.js';
export { GRPC_FORK_SUPPORT_ENV } from './worker/startWorkerProcess.js';
export { readTestedVersions, untestedVersion } from './worker/testedVersions.js';
export type { TestedRange, TestedVersions } from './worker/testedVersions.js';
