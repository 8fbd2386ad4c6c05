#!/usr/bin/env node
// The API report: every name each package's entry points export (its main
// entry and every subpath of package.json `exports`), read from the BUILT
// declarations, so that what `stripInternal` removed is gone here too. Each
// package commits its report as `api.md`; `test/api.test.ts` in each unit
// project compares the two and fails on any difference, so that a change of
// the public surface is a deliberate, reviewed diff.
//
//   node scripts/api-report.mjs            check every package (exit 1 on a difference)
//   node scripts/api-report.mjs --update   rewrite every api.md (build first: pnpm build)
//   UPDATE_API=1 pnpm test:unit            the same, from the tests
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Packages with a report, by directory under packages/. */
export const API_PACKAGES = ['core', 'actors', 'python-bridge', 'telemetry', 'cli'];

/** Most names `@snakepit/core`'s main entry may export (issue 17, ADR 0010). */
export const CORE_MAIN_ENTRY_LIMIT = 30;

/**
 * The exported names of every entry point of `packages/<dir>`, from its
 * built declarations: `{ entry, names: [{ name, isType, kind, members? }] }`.
 */
export function listPackageApi(dir) {
  const cached = listed.get(dir);
  if (cached) return cached;
  const api = readPackageApi(dir);
  listed.set(dir, api);
  return api;
}

const listed = new Map();

function readPackageApi(dir) {
  const packageDir = join(ROOT, 'packages', dir);
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const entries = Object.entries(manifest.exports ?? { '.': { types: manifest.types } }).map(
    ([subpath, target]) => ({
      entry: subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`,
      file: resolve(packageDir, typeof target === 'string' ? target : target.types),
    }),
  );
  for (const { file } of entries) {
    if (!existsSync(file)) throw new Error(`api-report: ${file} is missing; run pnpm build first`);
  }
  const program = ts.createProgram(
    entries.map((e) => e.file),
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      noEmit: true,
      skipLibCheck: true,
      // Only the export graph matters, not whether it type-checks (tsc -b did
      // that): without the default libraries and @types a package loads ~3x faster.
      noLib: true,
      types: [],
    },
  );
  const checker = program.getTypeChecker();
  return entries.map(({ entry, file }) => {
    const source = program.getSourceFile(file);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`api-report: ${file} is not a module`);
    const names = checker
      .getExportsOfModule(module)
      .map((symbol) => describe(checker, symbol))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
    return { entry, names };
  });
}

function describe(checker, exported) {
  let symbol = exported;
  let isTypeOnly = false;
  while (symbol.flags & ts.SymbolFlags.Alias) {
    isTypeOnly ||= (symbol.declarations ?? []).some(isTypeOnlyDeclaration);
    const next = checker.getImmediateAliasedSymbol(symbol);
    if (!next || next === symbol) break;
    symbol = next;
  }
  const { flags } = symbol;
  const isValue = !isTypeOnly && (flags & ts.SymbolFlags.Value) !== 0;
  const kind =
    flags & ts.SymbolFlags.Class
      ? 'class'
      : flags & ts.SymbolFlags.Function
        ? 'function'
        : flags & ts.SymbolFlags.Variable
          ? 'const'
          : flags & ts.SymbolFlags.Enum
            ? 'enum'
            : flags & ts.SymbolFlags.Interface
              ? 'interface'
              : flags & ts.SymbolFlags.TypeAlias
                ? 'type'
                : 'namespace';
  const described = { name: exported.name, isType: !isValue, kind };
  if (kind === 'class') described.members = classMembers(checker, symbol);
  return described;
}

function isTypeOnlyDeclaration(declaration) {
  if (ts.isExportSpecifier(declaration)) {
    return declaration.isTypeOnly || declaration.parent.parent.isTypeOnly;
  }
  if (ts.isImportSpecifier(declaration)) {
    return declaration.isTypeOnly || declaration.parent.parent.isTypeOnly === true;
  }
  return false;
}

/** A class's public surface: `new(…)` when it declares a constructor, then its members. */
function classMembers(checker, symbol) {
  const members = [];
  const declaration = symbol.declarations?.find(ts.isClassDeclaration);
  for (const member of declaration?.members ?? []) {
    const isPrivate =
      (member.name && ts.isPrivateIdentifier(member.name)) ||
      ts.getCombinedModifierFlags(member) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected);
    if (isPrivate) continue;
    const isStatic = (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static) !== 0;
    if (ts.isConstructorDeclaration(member)) {
      members.push(`new(${member.parameters.map((p) => p.name.getText()).join(', ')})`);
    } else if (member.name && !ts.isComputedPropertyName(member.name)) {
      members.push(`${isStatic ? 'static ' : ''}${member.name.getText()}`);
    }
  }
  return [...new Set(members)];
}

/** The report of one package as the text of its api.md. */
export function renderApiReport(dir) {
  const lines = [
    `# API report: packages/${dir}`,
    '',
    'Every name each entry point exports, from the built declarations (after',
    '`stripInternal`). Generated: do not edit by hand. `test/api.test.ts` fails',
    'when it differs from the build; after a deliberate change of the public',
    'surface, run `pnpm build && node scripts/api-report.mjs --update` (or',
    '`UPDATE_API=1 pnpm test:unit`) and commit this file with the change.',
  ];
  for (const { entry, names } of listPackageApi(dir)) {
    const values = names.filter((n) => !n.isType).length;
    lines.push('', `## ${entry}`, '');
    lines.push(`${names.length} names: ${values} values, ${names.length - values} types.`, '');
    lines.push('```text');
    for (const { name, isType, kind, members } of names) {
      lines.push(`${isType ? 'type ' : 'value'} ${name} (${kind})`);
      if (members !== undefined) lines.push(`        { ${members.join(', ')} }`);
    }
    lines.push('```');
  }
  return `${lines.join('\n')}\n`;
}

/** Path of a package's committed report. */
export function apiReportFile(dir) {
  return join(ROOT, 'packages', dir, 'api.md');
}

/**
 * Compares a package's build with its committed report; with `update`,
 * rewrites the report instead. Returns a message for a difference, else
 * `undefined`.
 */
export function checkApiReport(dir, { update = false } = {}) {
  const actual = renderApiReport(dir);
  const file = apiReportFile(dir);
  const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (actual === committed) return undefined;
  if (update) {
    writeFileSync(file, actual);
    return undefined;
  }
  return [
    `The public API of packages/${dir} differs from packages/${dir}/api.md:`,
    ...diffLines(committed, actual),
    'If the change is deliberate, run `pnpm build && node scripts/api-report.mjs --update`',
    '(or `UPDATE_API=1 pnpm test:unit`) and commit api.md with it; otherwise export less.',
  ].join('\n');
}

function diffLines(before, after) {
  const old = new Set(before.split('\n'));
  const now = new Set(after.split('\n'));
  return [
    ...[...old].filter((line) => !now.has(line)).map((line) => `  - ${line}`),
    ...[...now].filter((line) => !old.has(line)).map((line) => `  + ${line}`),
  ];
}

function main() {
  const update = process.argv.includes('--update');
  let failed = false;
  for (const dir of API_PACKAGES) {
    const problem = checkApiReport(dir, { update });
    if (problem) {
      console.error(problem);
      failed = true;
    }
  }
  if (update) console.log(`api-report: wrote ${API_PACKAGES.length} api.md files`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
