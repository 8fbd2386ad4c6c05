import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  bridgeVersion,
  isCompatibleWorkerVersion,
  releaseLine,
  workerIncompatibility,
} from '../../src/worker/workerCompatibility.js';

describe('isCompatibleWorkerVersion', () => {
  it('accepts the same version, and a patch release either way', () => {
    expect(isCompatibleWorkerVersion('0.1.0', '0.1.0')).toBe(true);
    expect(isCompatibleWorkerVersion('0.1.0', '0.1.7')).toBe(true);
    expect(isCompatibleWorkerVersion('0.1.7', '0.1.0')).toBe(true);
    expect(isCompatibleWorkerVersion('2.3.4', '2.3.0')).toBe(true);
  });

  it('refuses another minor below 1.0, where minors break', () => {
    expect(isCompatibleWorkerVersion('0.1.0', '0.2.0')).toBe(false);
    expect(isCompatibleWorkerVersion('0.2.3', '0.1.9')).toBe(false);
  });

  it('accepts another minor from 1.0 on, either way', () => {
    expect(isCompatibleWorkerVersion('1.0.0', '1.4.2')).toBe(true);
    expect(isCompatibleWorkerVersion('1.4.2', '1.0.0')).toBe(true);
  });

  it('refuses another major', () => {
    expect(isCompatibleWorkerVersion('1.2.3', '2.2.3')).toBe(false);
    expect(isCompatibleWorkerVersion('2.0.0', '1.9.9')).toBe(false);
    expect(isCompatibleWorkerVersion('0.9.0', '1.0.0')).toBe(false);
    expect(isCompatibleWorkerVersion('1.0.0', '0.1.0')).toBe(false);
  });

  it('reads pre-releases in npm and in Python spelling', () => {
    expect(isCompatibleWorkerVersion('0.2.0-rc.1', '0.2.0rc1')).toBe(true);
    expect(isCompatibleWorkerVersion('0.2.0', '0.2.1.dev0')).toBe(true);
    expect(isCompatibleWorkerVersion('1.0.0', '1.1.0+local.7')).toBe(true);
    expect(isCompatibleWorkerVersion('0.2.0-rc.1', '0.3.0-rc.1')).toBe(false);
  });

  it('refuses a malformed version on either side', () => {
    for (const bad of ['', '0.1', '1', 'v0.1.0', '0.1.x', ' 0.1.0', '0.1.0 ', '01.1.0', 'dev']) {
      expect(isCompatibleWorkerVersion('0.1.0', bad), `worker ${JSON.stringify(bad)}`).toBe(false);
      expect(isCompatibleWorkerVersion(bad, '0.1.0'), `owner ${JSON.stringify(bad)}`).toBe(false);
    }
    expect(isCompatibleWorkerVersion('', '')).toBe(false);
  });
});

describe('releaseLine', () => {
  it('is major.minor below 1.0 and the major from 1.0 on', () => {
    expect(releaseLine('0.1.0')).toBe('0.1');
    expect(releaseLine('0.12.3')).toBe('0.12');
    expect(releaseLine('1.4.2')).toBe('1');
    expect(releaseLine('10.0.0')).toBe('10');
    expect(releaseLine('1.2')).toBeUndefined();
  });
});

describe('workerIncompatibility', () => {
  it('accepts a worker of this protocol and release line', () => {
    expect(workerIncompatibility({ protocolVersion: 1, workerVersion: '0.1.3' }, '0.1.0')).toBe(
      undefined,
    );
  });

  it('refuses another protocol first, whatever the version', () => {
    expect(workerIncompatibility({ protocolVersion: 2, workerVersion: '0.1.0' }, '0.1.0')).toBe(
      'protocol',
    );
    expect(workerIncompatibility({ protocolVersion: 0, workerVersion: '' }, '0.1.0')).toBe(
      'protocol',
    );
  });

  it('refuses another release line or a missing version', () => {
    expect(workerIncompatibility({ protocolVersion: 1, workerVersion: '0.2.0' }, '0.1.0')).toBe(
      'version',
    );
    expect(workerIncompatibility({ protocolVersion: 1, workerVersion: '' }, '0.1.0')).toBe(
      'version',
    );
  });

  it("judges by this package's own version by default", () => {
    const ready = { protocolVersion: PROTOCOL_VERSION, workerVersion: bridgeVersion() };
    expect(workerIncompatibility(ready)).toBeUndefined();
  });
});

describe('bridgeVersion', () => {
  it("is @snakepit/python-bridge's package.json version, and the shipped worker's", () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(bridgeVersion()).toBe(pkg.version);
    const init = readFileSync(
      new URL('../../python/snakepit_worker/__init__.py', import.meta.url),
      'utf8',
    );
    expect(init).toContain(`__version__ = "${pkg.version}"`);
  });
});
