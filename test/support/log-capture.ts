import { createLogger, type Logger, type LogLevel } from '../../src/logger.ts';

/** A real logger whose JSON lines are kept, parsed, in `lines` as they are written. */
export function captureLog(level: LogLevel = 'info'): { log: Logger; lines: Record<string, any>[] } {
  const lines: Record<string, any>[] = [];
  const log = createLogger({ level, destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  return { log, lines };
}
