import { describe, expect, it } from 'vitest';
import { readTestedVersions, untestedVersion } from '../../src/worker/testedVersions.js';

const tested = {
  grpcio: { oldest: '1.51.1', newest: '1.84.0' },
  protobuf: { oldest: '4.21.12', newest: '7.36.2' },
};

describe('untestedVersion', () => {
  it('takes both ends, releases between them, and patch releases of the newest as tested', () => {
    for (const version of ['1.51.0', '1.51.1', '1.60.2', '1.84.0', '1.84.7']) {
      expect(untestedVersion('grpcio', version, tested)).toBeUndefined();
    }
    expect(untestedVersion('protobuf', '5.29.3', tested)).toBeUndefined();
  });

  it('names an older or a newer release, with the end of the range it passed', () => {
    expect(untestedVersion('grpcio', '1.50.9', tested)).toBe(
      'grpcio 1.50.9 is older than the oldest tested release (1.51.1)',
    );
    expect(untestedVersion('grpcio', '1.85.0', tested)).toBe(
      'grpcio 1.85.0 is newer than the newest tested release (1.84.0)',
    );
    expect(untestedVersion('protobuf', '3.20.3', tested)).toMatch(/older .*4\.21\.12/);
    expect(untestedVersion('protobuf', 'dev', tested)).toMatch(/not a release number/);
  });

  it('reads the ranges the Python package declares', () => {
    const declared = readTestedVersions();
    for (const name of ['grpcio', 'protobuf'] as const) {
      expect(declared[name].oldest).toMatch(/^\d+\.\d+\.\d+$/);
      expect(untestedVersion(name, declared[name].newest, declared)).toBeUndefined();
    }
  });
});
