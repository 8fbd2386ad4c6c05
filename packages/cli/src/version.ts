import { readFileSync } from 'node:fs';

/**
 * This package's version, read from its own package.json (next to `dist/`
 * in the workspace and in an installed tarball alike).
 */
export const CLI_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
