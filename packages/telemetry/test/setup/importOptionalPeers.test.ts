import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isSnakepitError } from '@snakepit/core';
import type { SnakepitError } from '@snakepit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { OTLP_EXPORTER_PACKAGES } from '../../src/setup/createOtlpExporters.js';
import { importOptionalPeers } from '../../src/setup/importOptionalPeers.js';
import type { ModuleImporter } from '../../src/setup/importOptionalPeers.js';
import { readPeerRanges } from '../../src/setup/readPeerRanges.js';

const MANIFEST_URL = new URL('../../package.json', import.meta.url);
const manifest = JSON.parse(readFileSync(MANIFEST_URL, 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};
const EXPORTERS = Object.values(OTLP_EXPORTER_PACKAGES).flatMap((p) => [p.metrics, p.traces]);
const GRPC = "`otlp.protocol: 'grpc'`";

// import() from a directory with no node_modules: the exporters (installed
// for this workspace) are genuinely not found there, with Node's own
// ERR_MODULE_NOT_FOUND. (Not require(): pnpm sets NODE_PATH to its store.)
const emptyDir = mkdtempSync(join(tmpdir(), 'snakepit-no-peers-'));
writeFileSync(join(emptyDir, 'load.mjs'), 'export const load = (name) => import(name);');
const notInstalledHere: ModuleImporter = async (name) => {
  const { load } = (await import(pathToFileURL(join(emptyDir, 'load.mjs')).href)) as {
    load: ModuleImporter;
  };
  return load(name);
};

// An exporter whose files are partly gone (a broken install): Node then
// quotes the path of the missing file, not the package name.
const brokenDir = mkdtempSync(join(tmpdir(), 'snakepit-broken-peer-'));
const brokenPackage = join(brokenDir, 'node_modules', OTLP_EXPORTER_PACKAGES.grpc.traces);
mkdirSync(brokenPackage, { recursive: true });
writeFileSync(
  join(brokenPackage, 'package.json'),
  JSON.stringify({
    name: OTLP_EXPORTER_PACKAGES.grpc.traces,
    type: 'module',
    exports: './index.js',
  }),
);
writeFileSync(join(brokenPackage, 'index.js'), "export * from './build/esm/index.js';");
writeFileSync(join(brokenDir, 'load.mjs'), 'export const load = (name) => import(name);');
const brokenHere: ModuleImporter = async (name) => {
  const { load } = (await import(pathToFileURL(join(brokenDir, 'load.mjs')).href)) as {
    load: ModuleImporter;
  };
  return load(name);
};
afterAll(() => {
  rmSync(emptyDir, { recursive: true, force: true });
  rmSync(brokenDir, { recursive: true, force: true });
});

// A plain import(), of a specifier TypeScript is not asked to resolve.
const importAny: ModuleImporter = (specifier) => import(/* @vite-ignore */ specifier);

async function rejection(promise: Promise<unknown>): Promise<SnakepitError> {
  try {
    await promise;
  } catch (error) {
    expect(isSnakepitError(error, 'TELEMETRY_EXPORTER_UNAVAILABLE')).toBe(true);
    return error as SnakepitError;
  }
  throw new Error('did not reject');
}

describe('importOptionalPeers', () => {
  it('returns the modules in order, `undefined` for skipped names', async () => {
    const [api, skipped] = await importOptionalPeers(['@opentelemetry/api', undefined], GRPC);
    expect(api).toBe(await import('@opentelemetry/api'));
    expect(skipped).toBeUndefined();
  });

  it('reports a package that is not installed (ESM ERR_MODULE_NOT_FOUND)', async () => {
    const error = await rejection(
      importOptionalPeers(['@opentelemetry/exporter-does-not-exist', undefined], GRPC),
    );
    expect(error.message).toBe(
      "`otlp.protocol: 'grpc'` needs @opentelemetry/exporter-does-not-exist, an optional peer " +
        'dependency of @snakepit/telemetry that is not installed. Install it next to ' +
        '@snakepit/telemetry: `npm install @opentelemetry/exporter-does-not-exist` ' +
        '(or pnpm add / yarn add), or turn that option off.',
    );
    expect(error.details).toEqual({
      reason: 'not-installed',
      packages: ['@opentelemetry/exporter-does-not-exist'],
      requestedBy: GRPC,
      command: 'npm install @opentelemetry/exporter-does-not-exist',
    });
  });

  it('reports a package that is not installed (CJS MODULE_NOT_FOUND)', async () => {
    const require = createRequire(import.meta.url);
    const importer: ModuleImporter = (name) =>
      Promise.resolve().then(() => require(name) as unknown);
    const error = await rejection(
      importOptionalPeers(['@opentelemetry/exporter-does-not-exist'], GRPC, importer),
    );
    expect(error.details.reason).toBe('not-installed');
    expect(error.details.command).toBe('npm install @opentelemetry/exporter-does-not-exist');
  });

  it('names every missing package at once, with the ranges of package.json', async () => {
    const { metrics, traces } = OTLP_EXPORTER_PACKAGES.grpc;
    const error = await rejection(importOptionalPeers([metrics, traces], GRPC, notInstalledHere));
    const specs = [metrics, traces].map((name) => `${name}@${manifest.peerDependencies[name]}`);
    expect(specs).toEqual([
      expect.stringMatching(/^@opentelemetry\/exporter-metrics-otlp-grpc@[~^]?\d/),
      expect.stringMatching(/^@opentelemetry\/exporter-trace-otlp-grpc@[~^]?\d/),
    ]);
    expect(error.message).toContain(`${GRPC} needs ${specs[0]} and ${specs[1]}, optional peer`);
    expect(error.message).toContain(`\`npm install ${specs[0]} ${specs[1]}\``);
    expect(error.details).toMatchObject({ reason: 'not-installed', packages: specs });
  });

  it('says what to install for every OTLP exporter, at its peerDependencies range', async () => {
    for (const name of EXPORTERS) {
      const error = await rejection(importOptionalPeers([name], GRPC, notInstalledHere));
      expect(error.details.command).toBe(`npm install ${name}@${manifest.peerDependencies[name]}`);
    }
  });

  it('reports an installed package whose own dependency is missing as failing to load', async () => {
    // A real ERR_MODULE_NOT_FOUND, but for another package than the one asked for.
    const importer: ModuleImporter = () => importAny('@opentelemetry/exporter-does-not-exist');
    const name = OTLP_EXPORTER_PACKAGES.grpc.traces;
    const error = await rejection(importOptionalPeers([name], GRPC, importer));
    const spec = `${name}@${manifest.peerDependencies[name]}`;
    expect(error.details).toEqual({
      reason: 'failed-to-load',
      packages: [spec],
      requestedBy: GRPC,
    });
    expect(error.message).toMatch(
      new RegExp(
        `needs ${spec.replace(/[.^~]/g, '\\$&')}, which is installed but failed to load: Cannot find package '@opentelemetry/exporter-does-not-exist'`,
      ),
    );
    expect(error.message).toContain(`Reinstall it at that range: \`npm install ${spec}\``);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ERR_MODULE_NOT_FOUND');
  });

  it('reports an installed package with a missing file as failing to load', async () => {
    const name = OTLP_EXPORTER_PACKAGES.grpc.traces;
    const error = await rejection(importOptionalPeers([name], GRPC, brokenHere));
    expect(error.details.reason).toBe('failed-to-load');
    expect(error.message).toContain(`/node_modules/${name}/build/esm/index.js`);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ERR_MODULE_NOT_FOUND');
  });

  it('wraps any other import error with its cause', async () => {
    const importer: ModuleImporter = () => importAny('data:text/javascript,export default (');
    const error = await rejection(
      importOptionalPeers([OTLP_EXPORTER_PACKAGES['http/protobuf'].metrics], GRPC, importer),
    );
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.details.reason).toBe('failed-to-load');
  });

  it('prefers "not installed" when packages are both missing and broken', async () => {
    const importer: ModuleImporter = (name) =>
      name === 'broken' ? Promise.reject(new Error('boom')) : notInstalledHere(name);
    const error = await rejection(importOptionalPeers(['broken', '@acme/missing'], GRPC, importer));
    expect(error.details).toMatchObject({ reason: 'not-installed', packages: ['@acme/missing'] });
  });
});

describe('readPeerRanges', () => {
  it("reads this package's peerDependencies", () => {
    expect(readPeerRanges()).toEqual(manifest.peerDependencies);
  });

  it('gives no ranges when the manifest cannot be read (a bundle)', () => {
    expect(readPeerRanges(new URL('file:///nonexistent/package.json'))).toEqual({});
  });
});

describe('package.json', () => {
  it('declares every OTLP exporter as an optional peer, and a devDependency at the same range', () => {
    for (const name of EXPORTERS) {
      expect(manifest.peerDependencies[name], name).toMatch(/^~\d+\.\d+\.\d+$/);
      expect(manifest.peerDependenciesMeta[name], name).toEqual({ optional: true });
      expect(manifest.devDependencies[name], name).toBe(manifest.peerDependencies[name]);
      expect(manifest.dependencies[name], name).toBeUndefined();
    }
  });

  it('is what the install commands in the docs say', () => {
    for (const doc of ['../../README.md', '../../../../docs/observability.md']) {
      const text = readFileSync(new URL(doc, import.meta.url), 'utf8');
      const specs = [...text.matchAll(/(@opentelemetry\/exporter-[a-z-]+)@(\S+?)[`\s]/g)];
      expect(specs.length, doc).toBeGreaterThanOrEqual(EXPORTERS.length);
      for (const [, name, range] of specs) {
        expect(`${name}@${range}`, doc).toBe(`${name}@${manifest.peerDependencies[name!]}`);
      }
    }
  });

  it('keeps the Prometheus exporter a dependency', () => {
    expect(manifest.dependencies['@opentelemetry/exporter-prometheus']).toBeDefined();
  });
});
