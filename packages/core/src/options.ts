/**
 * `@snakepit/core/options`: `parseOptions`, the zod validation every Snakepit
 * package runs its options through, so that a bad option fails the same way
 * everywhere (``Expected `heartbeat.intervalMs` to be …, got `-1` ``). A
 * documented subpath for Snakepit's own packages: it takes a zod 4 schema,
 * which is not a type an app should have to share with core
 * (docs/adr/0010-public-surface.md). `invalidOption`, for one bad value, is on
 * the main entry.
 *
 * @packageDocumentation
 * @module @snakepit/core/options
 */
export { parseOptions } from './config/parseOptions.js';
