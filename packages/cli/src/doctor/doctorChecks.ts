import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSnakepitError } from '@snakepit/core';
import { resolvePython, resolveRuntimeDir } from '@snakepit/core/process';
import type { ResolvedPython, SkippedRuntimeDir } from '@snakepit/core/process';
import { PYTHON_PACKAGE_DIR } from '@snakepit/python-bridge';
import {
  GRPC_FORK_SUPPORT_ENV,
  readTestedVersions,
  untestedVersion,
} from '@snakepit/python-bridge/internal';
import type { TestedVersions } from '@snakepit/python-bridge/internal';
import { MIN_NODE, NODE_END_OF_LIFE, TESTED_NODE_LINES } from './nodeReleases.js';

/** How one check went: `warn` is worth knowing, `fail` breaks `snakepit run`. */
export type CheckStatus = 'ok' | 'warn' | 'fail';

/** One line of `snakepit doctor`. */
export interface CheckResult {
  readonly name: string;
  readonly status: CheckStatus;
  readonly detail: string;
  /** What to do about it (for `warn` and `fail`). */
  readonly fix?: string;
}

/**
 * The Node.js running snakepit: at least 20.19, and a line that still gets
 * security fixes (a warning past its end of life, see {@link NODE_END_OF_LIFE}).
 */
export function checkNode(version = process.versions.node, today = new Date()): CheckResult {
  const name = 'Node.js';
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const minimum = `${MIN_NODE.major}.${MIN_NODE.minor}`;
  if (major < MIN_NODE.major || (major === MIN_NODE.major && minor < MIN_NODE.minor)) {
    return {
      name,
      status: 'fail',
      detail: `${version} is older than ${minimum}`,
      fix: 'Install Node.js 24 LTS (https://nodejs.org/, or `nvm install 24`); 20.19 is the oldest that works.',
    };
  }
  const tested = `CI tests Node ${TESTED_NODE_LINES.join(', ')}`;
  const endOfLife = NODE_END_OF_LIFE[major];
  if (endOfLife !== undefined && today.toISOString().slice(0, 10) > endOfLife) {
    return {
      name,
      status: 'warn',
      detail: `${version}: Node ${major} reached its end of life on ${endOfLife} and gets no security fixes (snakepit still runs on it; ${tested})`,
      fix: 'Move to a maintained LTS line: Node 24 (or 22).',
    };
  }
  return {
    name,
    status: 'ok',
    detail: `${version} (≥ ${minimum}; ${endOfLife === undefined ? 'no end-of-life date known' : `supported until ${endOfLife}`}; ${tested})`,
  };
}

/**
 * The interpreter `snakepit run` would use, with its protobuf, and its grpcio:
 * required with `transport: 'grpc'`, optional with `'framed'` (the default),
 * whose workers never import it.
 */
export async function checkPython(
  python: string | undefined,
  transport: 'framed' | 'grpc' = 'framed',
): Promise<{ results: CheckResult[]; resolved: ResolvedPython | undefined }> {
  const requireGrpc = transport === 'grpc';
  try {
    const resolved = await resolvePython({
      ...(python === undefined ? {} : { python }),
      requireGrpc,
    });
    return {
      resolved,
      results: [
        {
          name: 'Python',
          status: 'ok',
          detail: `${resolved.pythonVersion} at ${resolved.path} (found via ${resolved.source})`,
        },
        resolved.grpcVersion === ''
          ? {
              name: 'grpcio',
              status: 'ok',
              detail: `not installed: not needed with transport ${transport} (only \`--transport grpc\` needs it)`,
            }
          : checkTestedVersion('grpcio', resolved.grpcVersion, resolved.path),
        checkTestedVersion('protobuf', resolved.protobufVersion, resolved.path),
      ],
    };
  } catch (error) {
    if (!isSnakepitError(error)) throw error;
    // core's message: a sentence, "Tried:", one "  - path: problem" line per interpreter, "Fix: …".
    const [problem = error.message, fix] = error.message.split(/\nFix: /);
    const tried = problem
      .split('\n')
      .filter((line) => line.startsWith('  - '))
      .map((line) => line.slice(4));
    const isDepsMissing = error.code === 'PYTHON_DEPS_MISSING';
    return {
      resolved: undefined,
      results: [
        {
          name: isDepsMissing ? (requireGrpc ? 'grpcio/protobuf' : 'protobuf') : 'Python',
          status: 'fail',
          detail: `${isDepsMissing ? 'missing' : 'no usable interpreter'}: ${tried.join('; ') || problem}`,
          fix:
            fix ??
            `Install Python 3.9+ with ${requireGrpc ? 'grpcio and protobuf' : 'protobuf'}, or run \`./dev setup\`.`,
        },
      ],
    };
  }
}

/** A Python dependency's release against the range CI tests (`tested_versions.json`). */
export function checkTestedVersion(
  name: keyof TestedVersions,
  version: string,
  python: string,
  tested: TestedVersions = readTestedVersions(),
): CheckResult {
  const range = `tested: ${tested[name].oldest} to ${tested[name].newest}`;
  const problem = untestedVersion(name, version, tested);
  if (problem === undefined) return { name, status: 'ok', detail: `${version} (${range})` };
  return {
    name,
    status: 'warn',
    detail: `${problem}; it may work, but CI has not run with it`,
    fix: `Install a tested release (\`${python} -m pip install '${name}>=${tested[name].oldest},<=${tested[name].newest}'\`), or run the suite with it (\`SNAKEPIT_PYTHON=${python} ./dev test\`).`,
  };
}

/**
 * gRPC's fork support in the workers' environment: off unless the pool's
 * `env` turns it on, and then children that handlers fork may crash (ADR 0007).
 */
export function checkForkSupport(workerEnv: Readonly<Record<string, string>> = {}): CheckResult {
  const name = 'gRPC fork support';
  const value = workerEnv[GRPC_FORK_SUPPORT_ENV];
  if (value === undefined || !/^(1|true|yes)$/i.test(value.trim())) {
    return { name, status: 'ok', detail: 'off in workers: children forked by handlers are safe' };
  }
  return {
    name,
    status: 'warn',
    detail: `the pool's \`env\` sets ${GRPC_FORK_SUPPORT_ENV}=${value}: with current grpcio, 20-40 % of the children a handler forks (os.fork, multiprocessing) die at once with SIGSEGV`,
    fix: `Remove ${GRPC_FORK_SUPPORT_ENV} from \`pool.env\` unless forked children use gRPC objects created before the fork (docs/troubleshooting.md).`,
  };
}

/** The worker package and the adapter import with that interpreter (protobuf matches the generated code…). */
export async function checkAdapter(
  python: ResolvedPython,
  adapter: string,
  pythonPath: readonly string[],
): Promise<CheckResult> {
  const script =
    'import importlib, sys\nimport snakepit_worker.worker\nimportlib.import_module(sys.argv[1])\n';
  const env = {
    ...process.env,
    PYTHONPATH: [PYTHON_PACKAGE_DIR, ...pythonPath, process.env.PYTHONPATH ?? '']
      .filter(Boolean)
      .join(':'),
  };
  const outcome = await new Promise<Error | undefined>((resolve) => {
    execFile(
      python.path,
      ['-c', script, adapter],
      { env, timeout: 60_000 },
      (error, _out, stderr) =>
        resolve(error ? new Error(lastLine(stderr) || error.message) : undefined),
    );
  });
  if (!outcome)
    return { name: 'adapter', status: 'ok', detail: `${adapter} imports with the worker package` };
  return {
    name: 'adapter',
    status: 'fail',
    detail: `${adapter} does not import: ${outcome.message}`,
    fix: `Put the module's directory on --python-path (now: ${pythonPath.join(':') || 'none'}) and install what it imports into ${python.path}.`,
  };
}

/** The runtime directory (registry and sockets) is private and writable. */
export async function checkRuntimeDir(): Promise<CheckResult> {
  let dir: string;
  let skipped: readonly SkippedRuntimeDir[];
  try {
    ({ dir, skipped } = resolveRuntimeDir());
  } catch (error) {
    return {
      name: 'runtime directory',
      status: 'fail',
      detail: (error as Error).message,
      fix: 'Remove the directory, or set SNAKEPIT_RUNTIME_DIR to a directory of yours (mode 0700).',
    };
  }
  const probe = join(dir, `.doctor-${process.pid}`);
  try {
    await writeFile(probe, 'ok', { mode: 0o600 });
    await rm(probe, { force: true });
    if (skipped.length === 0) {
      return { name: 'runtime directory', status: 'ok', detail: `${dir} (private, writable)` };
    }
    return {
      name: 'runtime directory',
      status: 'warn',
      detail: `${dir} (private, writable), because ${skipped.map((s) => `${s.dir} ${s.problem}`).join('; ')}`,
      fix: `Find out who made ${skipped.map((s) => s.dir).join(' and ')} (another local user can block a predictable path), or set SNAKEPIT_RUNTIME_DIR to a directory of yours.`,
    };
  } catch (error) {
    return {
      name: 'runtime directory',
      status: 'fail',
      detail: `${dir} is not writable: ${(error as Error).message}`,
      fix: `Make it writable (\`chmod 700 ${dir}\`), or set SNAKEPIT_RUNTIME_DIR to a writable directory.`,
    };
  }
}

/**
 * cgroup v2 delegation: whether this process's cgroup is writable, so that a
 * run gets a cgroup per worker (`cgroup: 'auto'`, the default), whose
 * `cgroup.kill` also takes children that left the worker's process group
 * with `setsid()` (see docs/process-ownership.md). Without it, process groups
 * and the guardians cover the rest: a `warn` at worst.
 */
export async function checkCgroup(root = '/sys/fs/cgroup'): Promise<CheckResult> {
  const name = 'cgroup v2 delegation';
  const purpose =
    "workers then run without cgroups (cgroup: 'auto'): a child that calls setsid() can outlive its worker";
  try {
    await access(join(root, 'cgroup.controllers'), constants.R_OK);
  } catch {
    return {
      name,
      status: 'warn',
      detail: `no cgroup v2 unified hierarchy at ${root} (cgroup v1 or hybrid) — ${purpose}`,
      fix: 'Use a host with cgroup v2 (the default of current distributions; `systemd.unified_cgroup_hierarchy=1` on older ones).',
    };
  }
  const own = await readOwnCgroup();
  const dir = join(root, own ?? '/');
  try {
    await access(dir, constants.W_OK);
    await access(join(dir, 'cgroup.procs'), constants.W_OK);
    const controllers = (await readFile(join(dir, 'cgroup.controllers'), 'utf8')).trim();
    return {
      name,
      status: 'ok',
      detail: `${dir} is writable (controllers: ${controllers || 'none'})`,
    };
  } catch {
    return {
      name,
      status: 'warn',
      detail: `our cgroup ${dir} is not writable by uid ${process.getuid?.() ?? '?'} — ${purpose}`,
      fix: 'Run under a delegated scope: `systemd-run --user --scope -p Delegate=yes snakepit run …` (or `Delegate=yes` in the service unit).',
    };
  }
}

async function readOwnCgroup(): Promise<string | undefined> {
  try {
    const text = await readFile('/proc/self/cgroup', 'utf8');
    return /^0::(.*)$/m.exec(text)?.[1];
  } catch {
    return undefined;
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}
