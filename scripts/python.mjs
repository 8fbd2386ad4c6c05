#!/usr/bin/env node
// Runs the Python interpreter Snakepit resolves (see resolvePython in
// @snakepit/core) with the given arguments, so that scripts and CI use the
// same interpreter as the library. `--check` only prints what was found.
import { spawnSync } from 'node:child_process';
import { resolvePython } from '../packages/core/dist/process.js';

const args = process.argv.slice(2);
let python;
try {
  python = await resolvePython();
} catch (error) {
  console.error(error.message);
  process.exit(3);
}
if (args[0] === '--check') {
  console.log(
    `python: ${python.path} (${python.source}) Python ${python.pythonVersion}, grpcio ${python.grpcVersion}, protobuf ${python.protobufVersion}`,
  );
  process.exit(0);
}
const result = spawnSync(python.path, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
