import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// No Grafana server can be had here (Debian does not package it, npm has no
// build of it), so the dashboard is checked against Grafana's own schema of the
// dashboard JSON model: the types @grafana/schema generates from Grafana's
// dashboard kind and from the stat and timeseries panels' options schemas. The
// JSON is compiled as the initialiser of a variable of that type, so tsc's
// excess-property checks catch misspelt or misplaced keys, not only wrong types.
const SCHEMA = `
import type {
  AnnotationQuery,
  Dashboard,
  DataQuery,
  FieldConfigSource,
  Panel,
  RowPanel,
} from '@grafana/schema';
import type { Options as StatOptions } from '@grafana/schema/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen';
import type {
  FieldConfig as TimeSeriesFieldConfig,
  Options as TimeSeriesOptions,
} from '@grafana/schema/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen';

// JSON holds an enum's values ("absolute"), where the types name TypeScript
// enums (ThresholdsMode.Absolute), which no string literal is assignable to.
type Json<T> = T extends string
  ? \`\${T}\`
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;
// The panel schemas give every option a default that Grafana fills in when
// the panel loads, so a dashboard may leave any of them out.
type Defaulted<T> = T extends string
  ? \`\${T}\`
  : T extends readonly (infer U)[]
    ? Defaulted<U>[]
    : T extends object
      ? { [K in keyof T]?: Defaulted<T[K]> }
      : T;

// A Prometheus query: the data source's own fields beside the common ones.
type PromQuery = Json<DataQuery> & { expr: string; legendFormat?: string };
// Grafana's Prometheus data source keeps an annotation's query on the
// annotation itself (the dashboard kind's AnnotationQuery leaves them out;
// Grafana's foundation SDK lists them).
type PromAnnotation = Json<AnnotationQuery> & { expr: string; titleFormat?: string; step?: string };

type Common = Omit<Json<Panel>, 'type' | 'options' | 'fieldConfig' | 'targets'> & {
  targets: PromQuery[];
};
type StatPanel = Common & {
  type: 'stat';
  options: Defaulted<StatOptions>;
  fieldConfig: Json<FieldConfigSource>;
};
type TimeSeriesPanel = Common & {
  type: 'timeseries';
  options: Defaulted<TimeSeriesOptions>;
  fieldConfig: Omit<Json<FieldConfigSource>, 'defaults'> & {
    defaults: Omit<Json<FieldConfigSource['defaults']>, 'custom'> & {
      custom: Defaulted<TimeSeriesFieldConfig>;
    };
  };
};

export type SnakepitDashboard = Omit<Json<Dashboard>, 'panels' | 'annotations'> & {
  panels: (Json<RowPanel> | StatPanel | TimeSeriesPanel)[];
  annotations: { list: PromAnnotation[] };
};
`;

/**
 * Type-checks Grafana dashboard exports against @grafana/schema, in one
 * compilation; returns tsc's errors for each, with the offending JSON line.
 */
export function grafanaSchemaErrors(dashboards: Record<string, unknown>[]): string[][] {
  let source = SCHEMA;
  const parts = dashboards.map((dashboard, i) => {
    // `__inputs` and `__requires` wrap an exported dashboard for the import
    // dialog, which strips them: they are not part of the dashboard model.
    const { __inputs: _inputs, __requires: _requires, ...model } = dashboard;
    const lines = JSON.stringify(model, null, 2).split('\n');
    source += `\nexport const dashboard${i}: SnakepitDashboard = `;
    const firstLine = source.split('\n').length - 1;
    source += `${lines.join('\n')};\n`;
    return { lines, firstLine, errors: [] as string[] };
  });
  // A virtual file in this package's test folder, so that '@grafana/schema'
  // resolves from this package's node_modules.
  const file = fileURLToPath(new URL('../dashboards/grafana-dashboard.check.ts', import.meta.url));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    // Not the DOM's declarations: the check needs none, and they are most of tsc's time.
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === file
      ? ts.createSourceFile(name, source, version)
      : getSourceFile(name, version, ...rest);
  host.fileExists = (name) => name === file || fileExists(name);
  host.readFile = (name) => (name === file ? source : readFile(name));
  const program = ts.createProgram([file], options, host);
  const elsewhere: string[] = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const line =
      d.file?.fileName === file && d.start !== undefined
        ? d.file.getLineAndCharacterOfPosition(d.start).line
        : -1;
    const part = parts.findLast((p) => line >= p.firstLine);
    if (part) part.errors.push(`${part.lines[line - part.firstLine]!.trim()}\n${message}`);
    // An error in the schema module itself (a changed @grafana/schema) is
    // every dashboard's error.
    else elsewhere.push(message);
  }
  return parts.map((p) => [...elsewhere, ...p.errors]);
}
