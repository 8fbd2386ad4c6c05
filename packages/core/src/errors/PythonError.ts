import { SnakepitError } from './SnakepitError.js';

/** A Python exception raised by a handler, as it reaches TypeScript. */
export class PythonError extends SnakepitError<'PYTHON_ERROR'> {
  override readonly name = 'PythonError';
  /** Qualified exception type, e.g. `builtins.ValueError`. */
  readonly pythonType: string;
  /** The formatted Python traceback. */
  readonly pythonTraceback: string;

  /**
   * Creates a `PYTHON_ERROR` whose message is `<pythonType>: <message>`;
   * `pythonType` is also added to `details`. Built by the worker bridge when
   * a handler raises.
   */
  constructor(
    pythonType: string,
    message: string,
    pythonTraceback: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super('PYTHON_ERROR', `${pythonType}: ${message}`, {
      details: { ...details, pythonType },
    });
    this.pythonType = pythonType;
    this.pythonTraceback = pythonTraceback;
  }
}
