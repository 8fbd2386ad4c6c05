import { execFile } from 'node:child_process';
import { access, constants, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { SnakepitError } from '../errors/SnakepitError.js';

/** An interpreter that can run Snakepit workers. */
export interface ResolvedPython {
  /** Absolute path, as found (symlinks kept, so a venv stays a venv). */
  readonly path: string;
  /** Where it came from: `option`, `SNAKEPIT_PYTHON`, `.venv`, `PATH` or `system`. */
  readonly source: 'option' | 'SNAKEPIT_PYTHON' | '.venv' | 'PATH' | 'system';
  readonly pythonVersion: string;
  /** grpcio's version; `''` when it is not installed and was not required. */
  readonly grpcVersion: string;
  readonly protobufVersion: string;
}

/** Options of {@link resolvePython}. */
export interface ResolvePythonOptions {
  /** An explicit interpreter; when given, nothing else is tried. */
  readonly python?: string;
  /** Project directory whose `.venv` is tried. @default process.cwd() */
  readonly projectDir?: string;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Whether the interpreter must import grpc: workers of `transport: 'framed'`
   * never do, so an interpreter with only protobuf serves them. @default true
   */
  readonly requireGrpc?: boolean;
}

interface Candidate {
  readonly path: string;
  readonly source: ResolvedPython['source'];
}

interface ProbeResult {
  readonly path: string;
  readonly problem?: string;
  readonly facts?: { python: string; grpc: string; protobuf: string };
}

interface ProbeFacts {
  python?: string;
  protobuf?: string;
  grpc?: string;
  /** Why protobuf could not be imported. */
  error?: string;
  /** Why grpc could not be imported. */
  grpcError?: string;
}

const MIN_PYTHON: readonly [number, number] = [3, 9];
const PROBE = [
  'import json, sys, platform',
  'facts = {"python": platform.python_version()}',
  'try:',
  '    import google.protobuf',
  '    facts["protobuf"] = google.protobuf.__version__',
  'except Exception as e:',
  '    facts["error"] = "%s: %s" % (type(e).__name__, e)',
  'try:',
  '    import grpc',
  '    facts["grpc"] = grpc.__version__',
  'except Exception as e:',
  '    facts["grpcError"] = "%s: %s" % (type(e).__name__, e)',
  'print(json.dumps(facts))',
].join('\n');

const cache = new Map<string, Promise<ResolvedPython>>();

/**
 * Finds a Python ≥ 3.9 that can `import grpc` and `google.protobuf` (only
 * protobuf with `requireGrpc: false`), in this order: the `python` option → `SNAKEPIT_PYTHON` → `<projectDir>/.venv` →
 * `python3` on PATH → `/usr/bin/python3`. An explicit choice (option or
 * environment) is never silently replaced by another interpreter.
 *
 * @throws {SnakepitError} `PYTHON_NOT_FOUND` when no candidate runs,
 *   `PYTHON_DEPS_MISSING` when candidates run but lack grpc/protobuf; both
 *   name the interpreters tried and the command that fixes it.
 */
export function resolvePython(options: ResolvePythonOptions = {}): Promise<ResolvedPython> {
  const env = options.env ?? process.env;
  const candidates = listCandidates(options, env);
  const requireGrpc = options.requireGrpc ?? true;
  const key = `${requireGrpc}|${candidates.map((c) => `${c.source}:${c.path}`).join('|')}`;
  let result = cache.get(key);
  if (!result) {
    result = pickFirstUsable(candidates, requireGrpc);
    cache.set(key, result);
    result.catch(() => cache.delete(key));
  }
  return result;
}

function listCandidates(options: ResolvePythonOptions, env: NodeJS.ProcessEnv): Candidate[] {
  if (options.python) return [{ path: resolve(options.python), source: 'option' }];
  if (env.SNAKEPIT_PYTHON)
    return [{ path: resolve(env.SNAKEPIT_PYTHON), source: 'SNAKEPIT_PYTHON' }];
  const projectDir = options.projectDir ?? process.cwd();
  const list: Candidate[] = [{ path: join(projectDir, '.venv', 'bin', 'python'), source: '.venv' }];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && isAbsolute(dir)) list.push({ path: join(dir, 'python3'), source: 'PATH' });
  }
  list.push({ path: '/usr/bin/python3', source: 'system' });
  return list.filter((c, i) => list.findIndex((o) => o.path === c.path) === i);
}

async function pickFirstUsable(
  candidates: readonly Candidate[],
  requireGrpc: boolean,
): Promise<ResolvedPython> {
  const tried: ProbeResult[] = [];
  for (const candidate of candidates) {
    const probe = await probeInterpreter(candidate.path, requireGrpc);
    if (probe.facts) {
      return {
        path: candidate.path,
        source: candidate.source,
        pythonVersion: probe.facts.python,
        grpcVersion: probe.facts.grpc,
        protobufVersion: probe.facts.protobuf,
      };
    }
    tried.push(probe);
  }
  throw toResolutionError(
    tried,
    candidates[0]?.source === 'option' || candidates[0]?.source === 'SNAKEPIT_PYTHON',
    requireGrpc,
  );
}

async function probeInterpreter(path: string, requireGrpc: boolean): Promise<ProbeResult> {
  const unrunnable = await whyNotExecutable(path);
  if (unrunnable !== undefined) return { path, problem: unrunnable };
  const output = await new Promise<string | Error>((done) => {
    execFile(path, ['-c', PROBE], { timeout: 20_000 }, (error, stdout) => done(error ?? stdout));
  });
  if (output instanceof Error)
    return { path, problem: `does not run (${output.message.split('\n')[0]})` };
  let facts: ProbeFacts;
  try {
    facts = JSON.parse(output) as ProbeFacts;
  } catch {
    return { path, problem: 'printed something unexpected; is it a Python interpreter?' };
  }
  const [major = 0, minor = 0] = (facts.python ?? '0.0').split('.').map(Number);
  if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
    return { path, problem: `Python ${facts.python} is older than ${MIN_PYTHON.join('.')}` };
  }
  if (facts.error || !facts.protobuf) {
    return {
      path,
      problem: `Python ${facts.python} cannot import protobuf (${facts.error ?? 'unknown'})`,
    };
  }
  if (requireGrpc && !facts.grpc) {
    return {
      path,
      problem: `Python ${facts.python} cannot import grpc (${facts.grpcError ?? 'unknown'})`,
    };
  }
  return {
    path,
    facts: { python: facts.python!, grpc: facts.grpc ?? '', protobuf: facts.protobuf },
  };
}

/** Why `path` cannot be run as a program, or `undefined` when it can be. */
async function whyNotExecutable(path: string): Promise<string | undefined> {
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) return 'is a directory, not an interpreter';
    await access(path, constants.X_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'not found';
    if (code === 'EACCES') return 'exists but is not executable (is it a Python interpreter?)';
    return `cannot be run (${(error as Error).message})`;
  }
}

function toResolutionError(
  tried: readonly ProbeResult[],
  isExplicit: boolean,
  requireGrpc: boolean,
): SnakepitError {
  const lines = tried.map((t) => `  - ${t.path}: ${t.problem ?? 'unusable'}`).join('\n');
  const runnable = tried.find((t) => t.problem?.includes('cannot import'));
  if (runnable) {
    const needs = requireGrpc ? 'grpcio and protobuf' : 'protobuf';
    const pip = requireGrpc ? 'grpcio protobuf' : 'protobuf';
    const apt = requireGrpc ? 'python3-grpcio python3-protobuf' : 'python3-protobuf';
    return new SnakepitError(
      'PYTHON_DEPS_MISSING',
      `No Python interpreter with ${needs} was found. Tried:\n${lines}\n` +
        `Fix: \`${runnable.path} -m pip install ${pip}\`, or on Debian/Ubuntu ` +
        `\`sudo apt-get install -y ${apt}\` (for /usr/bin/python3), ` +
        'or run `./dev setup` in a Snakepit checkout.' +
        (isExplicit ? ' Or point `python` / SNAKEPIT_PYTHON at an interpreter that has them.' : ''),
      { details: { tried: tried.map((t) => t.path) } },
    );
  }
  return new SnakepitError(
    'PYTHON_NOT_FOUND',
    `No usable Python ≥ ${MIN_PYTHON.join('.')} was found. Tried:\n${lines}\n` +
      'Fix: install Python 3 (`sudo apt-get install -y python3 python3-grpcio python3-protobuf` on ' +
      'Debian/Ubuntu), or set the `python` option or SNAKEPIT_PYTHON to its absolute path.',
    { details: { tried: tried.map((t) => t.path) } },
  );
}
