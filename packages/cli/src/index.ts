/** @snakepit/cli: the `snakepit` command. Its commands are importable for embedding. */
export { runDemo } from './commands/demo.js';
export type { DemoOptions } from './commands/demo.js';
