#!/usr/bin/env node
// The `snakepit` bin. A committed file rather than dist/bin.js itself, so that
// `pnpm install` in a fresh clone (which runs before the build) can link it.
try {
  await import('../dist/bin.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/bin.js')) {
    process.stderr.write(
      'snakepit: the CLI is not built yet; run `pnpm build` (or `./dev setup`) first\n',
    );
    process.exit(1);
  }
  throw error;
}
