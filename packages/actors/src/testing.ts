/**
 * `@snakepit/actors/testing`: what the project's own supervisor and strategy
 * tests are written with, so that you test your strategies the same way:
 * fake children whose exits and start failures you control, a manual clock
 * (re-exported from `@snakepit/core`) and {@link flush}.
 *
 * @packageDocumentation
 * @module @snakepit/actors/testing
 */
export { FakeChildren } from './testing/FakeChildren.js';
export type { FakeChildSpecOptions } from './testing/FakeChildren.js';
export { FakeHandle } from './testing/FakeHandle.js';
export type { FakeHandleOptions } from './testing/FakeHandle.js';
export { flush } from './testing/flush.js';
export { ManualClock } from '@snakepit/core';
