import { isSnakepitError } from '@snakepit/core';
import { resolveRunConfig } from '../config/resolveRunConfig.js';
import type { ResolvedRunConfig, RunConfigSources } from '../config/resolveRunConfig.js';
import {
  checkAdapter,
  checkCgroup,
  checkForkSupport,
  checkNode,
  checkPython,
  checkRuntimeDir,
} from '../doctor/doctorChecks.js';
import type { CheckResult } from '../doctor/doctorChecks.js';

/** Options of {@link doctorCommand}. */
export interface DoctorOptions extends RunConfigSources {
  /** Print JSON instead of lines. @default false */
  readonly json?: boolean;
  /** Where each output line goes (without its newline). @default a line to stdout */
  readonly write?: (line: string) => void;
}

const MARKS = { ok: '✓', warn: '!', fail: '✗' } as const;

/**
 * `snakepit doctor`: checks what `snakepit run` needs — Node, the Python
 * interpreter (as `run` would resolve it, from the same flags, config file
 * and environment) with protobuf (and grpcio, needed by `--transport grpc`)
 * in their tested ranges, the
 * adapter, gRPC's fork support in the workers' environment, the runtime
 * directory, cgroup v2 delegation — and prints the fix for each problem.
 * Returns the exit status: 1 when a check failed, else 0.
 */
export async function doctorCommand(options: DoctorOptions = {}): Promise<number> {
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const results: CheckResult[] = [checkNode()];
  const config = await readConfig(options, results);
  const python = await checkPython(config?.python, config?.transport);
  results.push(...python.results);
  if (python.resolved && config) {
    results.push(await checkAdapter(python.resolved, config.adapter, config.pythonPath));
  }
  if (config) results.push(checkForkSupport(config.pool.env));
  results.push(await checkRuntimeDir(), await checkCgroup());
  const failed = results.filter((r) => r.status === 'fail').length;
  const warned = results.filter((r) => r.status === 'warn').length;
  if (options.json) {
    write(JSON.stringify({ ok: failed === 0, results }, undefined, 2));
  } else {
    for (const r of results) {
      write(`${MARKS[r.status]} ${r.name}: ${r.detail}`);
      if (r.fix && r.status !== 'ok') write(`    fix: ${r.fix}`);
    }
    write(
      failed > 0
        ? `\n${failed} problem(s) to fix before \`snakepit run\` can work${warned > 0 ? `, ${warned} warning(s)` : ''}.`
        : `\nAll set${warned > 0 ? ` (${warned} warning(s))` : ''}: try \`snakepit demo\`.`,
    );
  }
  return failed > 0 ? 1 : 0;
}

async function readConfig(
  options: DoctorOptions,
  results: CheckResult[],
): Promise<ResolvedRunConfig | undefined> {
  try {
    const config = await resolveRunConfig(options);
    const from = config.configFile ? `${config.configFile} and ` : '';
    results.push({
      name: 'configuration',
      status: 'ok',
      detail: `${from}SNAKEPIT_* variables are valid`,
    });
    return config;
  } catch (error) {
    if (!isSnakepitError(error, 'INVALID_OPTIONS')) throw error;
    results.push({
      name: 'configuration',
      status: 'fail',
      detail: error.message.replace(/\n/g, ' '),
      fix: 'Correct the values named above (see docs/cli.md for every key, flag and variable).',
    });
    return undefined;
  }
}
