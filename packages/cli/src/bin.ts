#!/usr/bin/env node
import { CommanderError } from 'commander';
import { isSnakepitError } from '@snakepit/core';
import { EXIT_CODES, exitCodeOf } from './exitCodes.js';
import { createProgram } from './program.js';

const result = { exitCode: 0 };
try {
  await createProgram(result).parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and --version exit 0; unknown options and missing arguments are usage errors.
    result.exitCode = error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
  } else {
    process.stderr.write(
      `snakepit: ${isSnakepitError(error) ? `[${error.code}] ` : ''}${(error as Error).message}\n`,
    );
    result.exitCode = exitCodeOf(error);
  }
}
// Exit explicitly: stopped pools may leave idle handles (sockets, timers) behind.
process.stdout.write('', () => process.exit(result.exitCode));
