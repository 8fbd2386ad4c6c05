// Types of api-report.mjs (plain JavaScript so that it runs as a script too).

/** One exported name of an entry point. */
export interface ApiName {
  readonly name: string;
  /** Exported as a type only (an interface, a type alias, or `export type` of a value). */
  readonly isType: boolean;
  readonly kind: 'class' | 'function' | 'const' | 'enum' | 'interface' | 'type' | 'namespace';
  /** A class's public members, `new(…)` first when it declares a constructor. */
  readonly members?: readonly string[];
}

/** The names one entry point (`@snakepit/core`, `@snakepit/core/process`…) exports. */
export interface EntryApi {
  readonly entry: string;
  readonly names: readonly ApiName[];
}

export const API_PACKAGES: readonly string[];
export const CORE_MAIN_ENTRY_LIMIT: number;
export function listPackageApi(dir: string): readonly EntryApi[];
export function renderApiReport(dir: string): string;
export function apiReportFile(dir: string): string;
export function checkApiReport(dir: string, options?: { update?: boolean }): string | undefined;
