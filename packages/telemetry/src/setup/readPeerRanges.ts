import { readFileSync } from 'node:fs';

// `src/setup/` and `dist/setup/` are both two levels below the package root.
const OWN_MANIFEST = new URL('../../package.json', import.meta.url);

/**
 * The version ranges of this package's `peerDependencies`, read from its own
 * `package.json` (the one place they are declared), by package name.
 *
 * @param manifest The `package.json` to read. @default this package's own
 * @returns `{}` when the manifest cannot be read (the code was bundled), so
 *   that an error message can still name the packages, without ranges.
 */
export function readPeerRanges(manifest: URL = OWN_MANIFEST): Readonly<Record<string, string>> {
  try {
    const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as {
      peerDependencies?: Record<string, string>;
    };
    return parsed.peerDependencies ?? {};
  } catch {
    return {};
  }
}
