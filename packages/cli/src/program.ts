import { Command, Option } from 'commander';
import { CLI_VERSION } from './version.js';

/** Where a command's exit status goes (bin.ts exits with it). */
export interface ProgramResult {
  exitCode: number;
}

interface RunFlags extends Record<string, unknown> {
  readonly printConfig?: boolean;
}

/**
 * The `snakepit` command line (commander). Actions store their exit status
 * in `result` rather than exiting, so that the program can be run in-process.
 * Each command's module is imported when it runs: `ps`, `reap` and `--help`
 * need not load the pool, gRPC and OpenTelemetry.
 */
export function createProgram(result: ProgramResult): Command {
  const program = new Command()
    .name('snakepit')
    .description('Supervised pools of Python workers: zero orphans, heartbeats, OpenTelemetry.')
    .version(CLI_VERSION, '-V, --version', 'print the version of snakepit and exit')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();

  addRunOptions(
    program
      .command('run')
      .description('start a supervised pool of Python workers and keep it running until a signal')
      .option(
        '--print-config',
        'print the resolved configuration and where each value came from, then exit',
      ),
  ).action(async (flags: RunFlags) => {
    const { printConfig, ...rest } = flags;
    const { runCommand } = await import('./commands/run.js');
    result.exitCode = await runCommand({ flags: rest, printConfig: printConfig === true });
  });

  program
    .command('demo')
    .description(
      'run a pool on the bundled demo adapter: requests, a crash, a hang, a clean stop (~10 s)',
    )
    .option('--python <path>', 'Python interpreter (default: resolved automatically)')
    .option('--status-port <port>', 'also serve the live status page on this port')
    .option('--host <address>', 'interface of the status page', '127.0.0.1')
    .action(async (flags: { python?: string; statusPort?: string; host: string }) => {
      const port = flags.statusPort === undefined ? undefined : Number(flags.statusPort);
      const { runDemo } = await import('./commands/demo.js');
      await runDemo({
        host: flags.host,
        ...(flags.python === undefined ? {} : { python: flags.python }),
        ...(port === undefined ? {} : { statusPort: port }),
      });
      result.exitCode = 0;
    });

  program
    .command('ps')
    .description(
      "list this machine's runs and workers (this user's runtime directory) with owner liveness",
    )
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const { psCommand } = await import('./commands/ps.js');
      result.exitCode = psCommand({ json: flags.json === true });
    });

  program
    .command('reap')
    .description(
      'kill the workers that dead runs left behind (identity-checked) and remove their files',
    )
    .option('--dry-run', 'only print what would be killed')
    .option('--json', 'print JSON')
    .action(async (flags: { dryRun?: boolean; json?: boolean }) => {
      const { reapCommand } = await import('./commands/reap.js');
      result.exitCode = await reapCommand({
        dryRun: flags.dryRun === true,
        json: flags.json === true,
      });
    });

  program
    .command('doctor')
    .description(
      'check Node, Python with protobuf (and grpcio for --transport grpc), the adapter, the runtime directory, cgroups',
    )
    .option('--config <file>', 'config file whose interpreter and adapter to check')
    .option('--python <path>', 'Python interpreter to check')
    .option(
      '--transport <transport>',
      'framed or grpc: whose needs to check (grpc needs grpcio) (default: framed)',
    )
    .option('--adapter <module>', 'adapter module to import')
    .option('--python-path <dirs>', 'extra PYTHONPATH entries, colon-separated')
    .option('--json', 'print JSON')
    .action(async (flags: Record<string, unknown>) => {
      const { json, ...rest } = flags;
      const { doctorCommand } = await import('./commands/doctor.js');
      result.exitCode = await doctorCommand({ flags: rest, json: json === true });
    });

  return program;
}

function addRunOptions(command: Command): Command {
  return command
    .option(
      '-c, --config <file>',
      'config file: .json, or a .js/.mjs module exporting defineConfig({…}) [env: SNAKEPIT_CONFIG]',
    )
    .option(
      '-w, --workers <n>',
      'number of Python workers, 1–1000 (default: 2) [env: SNAKEPIT_WORKERS]',
    )
    .option('--python <path>', 'Python interpreter (default: resolved) [env: SNAKEPIT_PYTHON]')
    .option(
      '--adapter <module>',
      'Python module with the commands (default: snakepit_worker.demo_adapter) [env: SNAKEPIT_ADAPTER]',
    )
    .option(
      '--python-path <dirs>',
      'extra PYTHONPATH entries, colon-separated [env: SNAKEPIT_PYTHON_PATH]',
    )
    .option(
      '--status-port <port>',
      'serve /healthz /readyz /status /metrics /events and the live page; 0 picks a free port [env: SNAKEPIT_STATUS_PORT]',
    )
    .option(
      '--host <address>',
      'interface of the HTTP servers (default: 127.0.0.1) [env: SNAKEPIT_HOST]',
    )
    .option(
      '--allowed-hosts <names>',
      'host names the HTTP servers answer besides IPs and localhost, colon-separated (others get 421) [env: SNAKEPIT_ALLOWED_HOSTS]',
    )
    .option(
      '--metrics-port <port>',
      'serve /metrics on a port of its own [env: SNAKEPIT_METRICS_PORT]',
    )
    .option(
      '--min-ready <n>',
      'ready workers /readyz requires (default: all) [env: SNAKEPIT_MIN_READY]',
    )
    .option(
      '--otlp-endpoint <url>',
      'push metrics and spans over OTLP to this collector [env: SNAKEPIT_OTLP_ENDPOINT]',
    )
    .addOption(
      new Option(
        '--otlp-protocol <protocol>',
        'OTLP transport (default: http/protobuf) [env: SNAKEPIT_OTLP_PROTOCOL]',
      ),
    )
    .option(
      '--heartbeat-interval-ms <ms>',
      'time between pings, 100–60000 (default: 2000) [env: SNAKEPIT_HEARTBEAT_INTERVAL_MS]',
    )
    .option(
      '--heartbeat-timeout-ms <ms>',
      'a ping unanswered this long is a miss (default: 2000) [env: SNAKEPIT_HEARTBEAT_TIMEOUT_MS]',
    )
    .option(
      '--heartbeat-max-missed <n>',
      'misses in a row that make a worker hung (default: 3) [env: SNAKEPIT_HEARTBEAT_MAX_MISSED]',
    )
    .option(
      '--watchdog',
      'start a watchdog process that kills the workers if this process dies [env: SNAKEPIT_WATCHDOG]',
    )
    .option('--no-watchdog', 'no watchdog (the default)')
    .option(
      '--cgroup <mode>',
      'auto, off or require: a cgroup v2 per worker, so that stopping it kills all it forked (default: auto) [env: SNAKEPIT_CGROUP]',
    )
    .option(
      '--placement <where>',
      "auto, dedicated, shared or inline: the workers' control planes on a thread each, one thread per core, or the main thread; auto is dedicated up to 10 workers, shared beyond (default: auto) [env: SNAKEPIT_PLACEMENT]",
    )
    .option(
      '--transport <transport>',
      "framed or grpc: the calls' data plane, length-prefixed frames on a Unix socket (the workers' Python needs no grpcio) or a gRPC server in each worker (default: framed) [env: SNAKEPIT_TRANSPORT]",
    )
    .option('--log-format <format>', 'pretty or json (default: pretty) [env: SNAKEPIT_LOG_FORMAT]');
}
