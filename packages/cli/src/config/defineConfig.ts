import type { SnakepitConfig } from './snakepitConfigSchema.js';

/**
 * Types a config module's export (`snakepit.config.mjs`):
 *
 * ```js
 * import { defineConfig } from '@snakepit/cli';
 * export default defineConfig({ workers: 4, adapter: 'my_models', pythonPath: ['./py'] });
 * ```
 *
 * Returns `config` unchanged: validation happens when `snakepit run` loads it.
 */
export function defineConfig(config: SnakepitConfig): SnakepitConfig {
  return config;
}
