#!/usr/bin/env node
import { isSnakepitError } from '@snakepit/core';
import { Command } from 'commander';
import { runDemo } from './commands/demo.js';

const program = new Command()
  .name('snakepit')
  .description('Supervised pools of Python workers: zero orphans, heartbeats, OpenTelemetry.')
  .showHelpAfterError();

program
  .command('demo')
  .description('start a real Python worker, run a few commands through it, and stop it')
  .option('--python <path>', 'Python interpreter (default: resolved automatically)')
  .action(async (options: { python?: string }) => {
    await runDemo(options.python ? { python: options.python } : {});
  });

try {
  await program.parseAsync();
} catch (error) {
  process.stderr.write(
    `snakepit: ${isSnakepitError(error) ? `[${error.code}] ` : ''}${(error as Error).message}\n`,
  );
  process.exitCode = 1;
}
