#!/usr/bin/env node
// `node scripts/check-readme-links.mjs` (`pnpm docs:links`): checks the links
// of the Markdown the project publishes, and exits 1 listing each bad one as
// file:line.
//
// - Package READMEs are also the npm page of their package, where a relative
//   link that leaves the package directory (`../../docs/…`) is broken. Such
//   links must be absolute, `https://github.com/snakepit-ts/snakepit/blob/main/<path>`
//   (or `/tree/main/` for a directory), and `<path>` must exist in the
//   repository. A relative link inside the package must point to a file that
//   exists and that `files` in its package.json ships.
// - The Python package's README is also the PyPI description of
//   `snakepit-worker` (`readme` in pyproject.toml), where no relative link
//   resolves: every link there that is not an in-page anchor must be absolute.
// - Every relative link in docs/**/*.md (docs/api/ is generated) and in the
//   root README.md must resolve to a file or directory in the repository.
// - Links to sections of docs/architecture.md, from Markdown and from source
//   comments (`docs/architecture.md#anchor`), must name one of its headings.
//
// "In the repository" means tracked or new and not ignored (`git ls-files`),
// so that a link to a build output such as `dist/` fails here rather than on
// GitHub; without git, existing on disk is enough.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_URL = 'https://github.com/snakepit-ts/snakepit';
const REPO_LINK =
  /^https:\/\/github\.com\/snakepit-ts\/snakepit\/(blob|tree)\/main\/([^?#]*)(#.*)?$/;
const ARCHITECTURE = 'docs/architecture.md';
const PYPI_README = 'packages/python-bridge/python/README.md';

const problems = [];
const report = (file, line, link, why) => problems.push({ file, line, link, why });

const repoFiles = listRepoFiles();
const headingCache = new Map();

let checkedLinks = 0;
for (const readme of packageReadmes()) checkPackageReadme(readme);
for (const file of ['README.md', ...markdownUnder('docs')]) checkDocLinks(file);
checkSourceCitations();

if (problems.length > 0) {
  for (const { file, line, link, why } of problems)
    console.error(`${file}:${line}: ${link}\n  ${why}`);
  console.error(`\n${problems.length} bad link(s).`);
  process.exit(1);
}
console.log(`check-readme-links: ${checkedLinks} links checked, all good.`);

/** Package READMEs, each with the directory its package ships from. */
function packageReadmes() {
  const readmes = readdirSync(join(ROOT, 'packages'))
    .map((name) => `packages/${name}`)
    .concat('proto')
    .filter((dir) => existsSync(join(ROOT, dir, 'README.md')))
    .map((dir) => ({ file: `${dir}/README.md`, root: dir, shipped: shippedBy(dir) }));
  readmes.push({ file: PYPI_README, root: dirname(PYPI_README), shipped: undefined });
  return readmes;
}

/** The links of `file` into the repository; links elsewhere are checked on the way. */
function* localLinks(file) {
  for (const { line, target } of markdownLinks(file)) {
    checkedLinks++;
    if (isExternal(target)) {
      checkRepoLink(file, line, target);
      continue;
    }
    if (target.startsWith('#')) continue;
    yield { line, target, path: resolveRelative(file, target) };
  }
}

function checkPackageReadme({ file, root, shipped }) {
  for (const { line, target, path } of localLinks(file)) {
    if (shipped === undefined) {
      const fix =
        path === undefined ? '' : `: use ${REPO_URL}/blob/main/${path}${anchorOf(target)}`;
      report(file, line, target, `relative link, broken in the PyPI description${fix}`);
      continue;
    }
    if (path === undefined || !isInside(path, root)) {
      const where = path === undefined ? 'the repository' : `the package (${root}/)`;
      const fix =
        path === undefined ? '' : `: use ${REPO_URL}/blob/main/${path}${anchorOf(target)}`;
      report(file, line, target, `relative link leaves ${where}, broken on npm${fix}`);
    } else if (!existsInRepo(path)) {
      report(file, line, target, `${path} does not exist in the repository`);
    } else if (!shipped(posix.relative(root, path))) {
      report(
        file,
        line,
        target,
        `${path} is not in the package's "files": use ${REPO_URL}/blob/main/${path}`,
      );
    } else {
      checkArchitectureAnchor(file, line, target, path);
    }
  }
}

function checkDocLinks(file) {
  for (const { line, target, path } of localLinks(file)) {
    if (path === undefined) report(file, line, target, 'relative link leaves the repository');
    else if (!existsInRepo(path))
      report(file, line, target, `${path} does not exist in the repository`);
    else checkArchitectureAnchor(file, line, target, path);
  }
}

/** `https://github.com/snakepit-ts/snakepit/blob/main/<path>`: `<path>` must exist. */
function checkRepoLink(file, line, target) {
  if (!target.startsWith(`${REPO_URL}/`)) return;
  const match = REPO_LINK.exec(target);
  if (!match) return;
  const path = decodeURIComponent(match[2]).replace(/\/$/, '');
  if (!existsInRepo(path)) report(file, line, target, `${path} does not exist in the repository`);
  else checkArchitectureAnchor(file, line, target, path);
}

/** Source comments cite `docs/architecture.md#anchor`: each anchor must exist. */
function checkSourceCitations() {
  const sources = [
    ...readdirSync(join(ROOT, 'packages')).flatMap((name) =>
      filesUnder(`packages/${name}/src`, /\.(ts|mts|js|mjs)$/),
    ),
    ...filesUnder('packages/python-bridge/python/snakepit_worker', /\.py$/),
  ];
  const citation = /docs\/architecture\.md#([A-Za-z0-9_-]+)/g;
  for (const file of sources) {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    lines.forEach((text, index) => {
      for (const match of text.matchAll(citation)) {
        checkedLinks++;
        checkArchitectureAnchor(file, index + 1, match[0], ARCHITECTURE);
      }
    });
  }
}

function checkArchitectureAnchor(file, line, target, path) {
  const hash = target.indexOf('#');
  if (path !== ARCHITECTURE || hash === -1) return;
  const anchor = decodeURIComponent(target.slice(hash + 1));
  if (!existsSync(join(ROOT, ARCHITECTURE))) {
    report(file, line, target, `${ARCHITECTURE} does not exist`);
  } else if (!anchorsOf(ARCHITECTURE).has(anchor)) {
    report(file, line, target, `${ARCHITECTURE} has no heading with the anchor #${anchor}`);
  }
}

/** GitHub's anchors of a Markdown file: heading slugs and explicit `<a id>`/`<a name>`. */
function anchorsOf(file) {
  if (headingCache.has(file)) return headingCache.get(file);
  const anchors = new Set();
  const seen = new Map();
  for (const { text } of markdownLines(file)) {
    for (const match of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(match[1]);
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (!heading) continue;
    const base = slug(heading[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  headingCache.set(file, anchors);
  return anchors;
}

/** GitHub's heading slug (as github-slugger): lower case, punctuation dropped, spaces to hyphens. */
function slug(heading) {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The link targets of a Markdown file, outside code: inline, reference definitions, HTML. */
function markdownLinks(file) {
  const links = [];
  const patterns = [
    /!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g,
    /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/g,
    /<(?:a|img)\s[^>]*?(?:href|src)="([^"]+)"/g,
  ];
  for (const { line, text } of markdownLines(file)) {
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) links.push({ line, target: match[1] });
    }
  }
  return links;
}

/** A Markdown file's lines outside fenced code, with inline code blanked out. */
function markdownLines(file) {
  const lines = [];
  let fence;
  readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
      if (fence === undefined && marker) fence = marker;
      else if (fence !== undefined && marker?.startsWith(fence)) fence = undefined;
      else if (fence === undefined) {
        lines.push({ line: index + 1, text: text.replace(/(`+)(?:(?!\1).)+?\1/g, ' ') });
      }
    });
  return lines;
}

function isExternal(target) {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}

/** The repository path a relative link points to (no anchor), or undefined outside the repository. */
function resolveRelative(file, target) {
  const path = decodeURIComponent(target.replace(/[?#].*$/, ''));
  if (path.startsWith('/')) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(file), path || posix.basename(file)));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined.replace(/\/$/, '') || '.';
}

function anchorOf(target) {
  const hash = target.indexOf('#');
  return hash === -1 ? '' : target.slice(hash);
}

function isInside(path, dir) {
  return path === dir || path.startsWith(`${dir}/`);
}

/** Whether `path` is a file in the repository, or a directory holding one. */
function existsInRepo(path) {
  if (!existsSync(join(ROOT, path))) return false;
  if (repoFiles === undefined) return true;
  if (repoFiles.has(path)) return true;
  const prefix = path === '.' ? '' : `${path}/`;
  for (const file of repoFiles) if (file.startsWith(prefix)) return true;
  return false;
}

/** Tracked files and new files git does not ignore; undefined without git. */
function listRepoFiles() {
  try {
    const out = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    return new Set(out.split('\0').filter(Boolean));
  } catch {
    return undefined;
  }
}

/**
 * Whether npm ships a path of the package (relative to its directory), by
 * `files` in its package.json: README, package.json and LICENSE always.
 */
function shippedBy(dir) {
  const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
  const entries = manifest.files;
  const always = /^(README|LICENSE|LICENCE)(\.[^/]*)?$|^package\.json$/i;
  if (!Array.isArray(entries)) return () => true;
  const toRegExp = (glob) => {
    const body = glob
      .replace(/^\.\//, '')
      .replace(/\/$/, '')
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\/?/g, '__GLOBSTAR__')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')
      .replace(/__GLOBSTAR__/g, '(?:.*/)?');
    return new RegExp(`^${body}(?:/.*)?$`);
  };
  const include = entries.filter((e) => !e.startsWith('!')).map(toRegExp);
  const exclude = entries.filter((e) => e.startsWith('!')).map((e) => toRegExp(e.slice(1)));
  return (path) =>
    always.test(path) ||
    (include.some((re) => re.test(path)) && !exclude.some((re) => re.test(path)));
}

function markdownUnder(dir) {
  return filesUnder(dir, /\.md$/).filter((file) => !file.startsWith('docs/api/'));
}

function filesUnder(dir, pattern) {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const out = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesUnder(path, pattern));
    else if (pattern.test(entry.name) && statSync(join(ROOT, path)).isFile()) out.push(path);
  }
  return out;
}
