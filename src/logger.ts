// The one importer of pino: every other module receives a Logger from the composition root.
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

/** A structured logger: `log.info({ turn, ms }, 'turn')`; `child` adds fields to every line. */
export type Logger = PinoLogger;

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Levels whose errors are logged with their stack traces; above them a line says what failed, not where. */
const STACK_LEVELS: ReadonlySet<LogLevel> = new Set(['debug', 'trace']);

export interface LoggerOptions {
  level: LogLevel;
  /** Where the JSON lines go; stdout when absent. */
  destination?: DestinationStream;
}

/** JSON lines with `time` (ISO), `level` (a name, not a number) and `msg`; errors go in `err`. */
export function createLogger(options: LoggerOptions): Logger {
  const withStack = STACK_LEVELS.has(options.level);
  return pino({
    level: options.level,
    base: undefined, // no pid and hostname on every line: the platform adds where a line came from
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: (err: unknown) => describeError(err, withStack) },
  }, options.destination);
}

/** Logs nothing; for library callers and tests that do not care. */
export const silentLogger: Logger = pino({ level: 'silent' });

export interface ErrorFields {
  type: string;
  message: string;
  code?: string;
  /** The chain of causes' messages, outermost first ("fetch failed" ← "connect ECONNREFUSED …"). */
  causes?: string[];
  stack?: string;
}

/** An error as log fields; the stack only when asked for (debug), since it says nothing to an operator. */
export function describeError(err: unknown, withStack: boolean): ErrorFields {
  if (!(err instanceof Error)) return { type: typeof err, message: String(err) };
  const code = (err as { code?: unknown }).code;
  const causes: string[] = [];
  for (let cause = err.cause, depth = 0; cause !== undefined && depth < 5; cause = (cause as Error).cause, depth++) {
    causes.push(cause instanceof Error ? cause.message || cause.name : String(cause));
    if (!(cause instanceof Error)) break;
  }
  return {
    type: err.name,
    message: err.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(causes.length ? { causes } : {}),
    ...(withStack && err.stack ? { stack: err.stack } : {}),
  };
}
