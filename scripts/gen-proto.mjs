#!/usr/bin/env node
// Generates code from proto/snakepit.proto for TypeScript (protobufjs static
// module + types) and Python (protoc + grpc_python_plugin).
// `--check` regenerates into a temporary directory and fails when the
// committed files differ, so CI catches stale generated code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const isCheck = process.argv.includes('--check');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const targets = {
  'proto/src/gen/snakepit.js': 'ts-js',
  'proto/src/gen/snakepit.d.ts': 'ts-dts',
  'packages/python-bridge/python/snakepit_worker/_proto/snakepit_pb2.py': 'py',
  'packages/python-bridge/python/snakepit_worker/_proto/snakepit_pb2_grpc.py': 'py-grpc',
};

function findProtoc() {
  try {
    execFileSync('protoc', ['--version'], { stdio: 'ignore' });
  } catch {
    fail(
      'protoc was not found. Install it with `apt-get install -y protobuf-compiler protobuf-compiler-grpc` ' +
        '(Debian/Ubuntu) or run ./dev setup.',
    );
  }
  for (const candidate of ['/usr/bin/grpc_python_plugin', '/usr/local/bin/grpc_python_plugin']) {
    if (existsSync(candidate)) return candidate;
  }
  fail(
    'grpc_python_plugin was not found. Install it with `apt-get install -y protobuf-compiler-grpc`.',
  );
}

function fail(message) {
  console.error(`gen-proto: ${message}`);
  process.exit(1);
}

function generate(outDir) {
  const tsDir = join(outDir, 'ts');
  const pyDir = join(outDir, 'py');
  mkdirSync(tsDir, { recursive: true });
  mkdirSync(pyDir, { recursive: true });
  const js = join(tsDir, 'snakepit.js');
  execFileSync(
    bin('pbjs'),
    [
      '-t',
      'static-module',
      '-w',
      'es6',
      '--no-verify',
      '--force-number',
      '-o',
      js,
      'proto/snakepit.proto',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  // protobufjs/minimal is CommonJS: its namespace has no named exports under
  // Node's ESM loader, so import the default (module.exports) instead.
  // uint64 fields hold millisecond times and counters, far below 2^53: decode
  // them as numbers (protobufjs would return Long objects whenever the `long`
  // package is installed) without touching protobufjs's global configuration.
  const patched = readFileSync(js, 'utf8')
    .replace(
      'import * as $protobuf from "protobufjs/minimal";',
      'import $protobuf from "protobufjs/minimal.js";\n\n' +
        'const $toNumber = (v) => (typeof v === "number" ? v : v.toNumber());',
    )
    .replaceAll('reader.uint64()', '$toNumber(reader.uint64())');
  writeFileSync(js, patched);
  execFileSync(bin('pbts'), ['--no-comments', '-o', join(tsDir, 'snakepit.d.ts'), js], {
    cwd: root,
    stdio: 'inherit',
  });

  const plugin = findProtoc();
  execFileSync(
    'protoc',
    [
      '-I',
      'proto',
      `--python_out=${pyDir}`,
      `--grpc_python_out=${pyDir}`,
      `--plugin=protoc-gen-grpc_python=${plugin}`,
      'proto/snakepit.proto',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  // grpc_python_plugin imports the messages module absolutely; make it
  // package-relative so that snakepit_worker needs no sys.path changes.
  const grpcPy = join(pyDir, 'snakepit_pb2_grpc.py');
  writeFileSync(
    grpcPy,
    readFileSync(grpcPy, 'utf8').replace('import snakepit_pb2 as', 'from . import snakepit_pb2 as'),
  );
  return {
    'ts-js': readFileSync(js, 'utf8'),
    'ts-dts': readFileSync(join(tsDir, 'snakepit.d.ts'), 'utf8'),
    py: readFileSync(join(pyDir, 'snakepit_pb2.py'), 'utf8'),
    'py-grpc': readFileSync(grpcPy, 'utf8'),
  };
}

const tmp = mkdtempSync(join(tmpdir(), 'snakepit-gen-'));
try {
  const out = generate(tmp);
  const stale = [];
  for (const [path, key] of Object.entries(targets)) {
    const abs = join(root, path);
    if (isCheck) {
      const current = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
      if (current !== out[key]) stale.push(path);
    } else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, out[key]);
    }
  }
  if (stale.length > 0) {
    fail(`generated code is stale: ${stale.join(', ')}. Run \`pnpm gen\` and commit the result.`);
  }
  console.log(
    isCheck ? 'gen-proto: generated code is up to date' : 'gen-proto: generated code written',
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
