/** Plain-words reasons and next steps for SQLite failures, shared by the catalog and conversation stores. */

export function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function hintFor(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  const message = reasonOf(err);
  if (message.includes('directory does not exist')) return 'Create the directory or point --db at another file.';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return 'Move the file away or point --db at another file.';
  if (code === 'SQLITE_BUSY') return 'Another process held the database too long; try again.';
  return 'Check that the file and its directory are writable, or point --db at another file.';
}
