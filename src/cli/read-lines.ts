import type { Readable } from 'node:stream';

/**
 * The lines of a UTF-8 stream, ended by "\n" or "\r\n" only. readline also ends a line at a lone
 * "\r", which would split one JSON request in two and break "one line out per line in".
 */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) yield withoutCr(line);
  }
  pending += decoder.decode();
  if (pending !== '') yield withoutCr(pending);
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
