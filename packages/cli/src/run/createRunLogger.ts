import type { LogLevel } from './describeEvent.js';

/** Where log lines go and how they look. */
export interface RunLoggerOptions {
  readonly format: 'pretty' | 'json';
  /** Writes one line (without its newline). @default a write to stdout */
  readonly write?: (line: string) => void;
  /** Colours in pretty lines. @default stdout is a TTY and NO_COLOR is unset */
  readonly isColored?: boolean;
  /** Fields added to every JSON line (e.g. `runId`). @default {} */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** Logs lifecycle lines, pretty for people or JSON lines for collectors. */
export interface RunLogger {
  /** Writes one line about `event`; pretty lines skip `debug`, JSON lines carry `fields`. */
  log(level: LogLevel, event: string, message: string, fields?: Record<string, unknown>): void;
  /** Sends subsequent lines elsewhere (the progress bar routes them above itself). */
  redirect(write: ((line: string) => void) | undefined): void;
}

const COLORS: Record<LogLevel, string> = {
  debug: '\x1b[2m',
  info: '',
  warn: '\x1b[33m',
  error: '\x1b[31m',
};
const SYMBOLS: Record<LogLevel, string> = { debug: '·', info: '•', warn: '!', error: '✗' };

/**
 * Creates the logger of a run. Pretty lines show `info` and above; JSON
 * lines show everything, one object per line with `time`, `level`, `event`,
 * `msg` and the event's own fields.
 */
export function createRunLogger(options: RunLoggerOptions): RunLogger {
  const defaultWrite = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  let write = defaultWrite;
  const isColored =
    options.isColored ?? (process.stdout.isTTY === true && process.env.NO_COLOR === undefined);
  return {
    log(level, event, message, fields = {}) {
      if (options.format === 'json') {
        write(
          JSON.stringify({
            time: new Date().toISOString(),
            level,
            event,
            msg: message,
            ...options.fields,
            ...fields,
          }),
        );
        return;
      }
      if (level === 'debug') return;
      const time = localTime(new Date());
      const line = `${time} ${SYMBOLS[level]} ${message}`;
      write(isColored && COLORS[level] ? `${COLORS[level]}${line}\x1b[0m` : line);
    },
    redirect(target) {
      write = target ?? defaultWrite;
    },
  };
}

function localTime(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
