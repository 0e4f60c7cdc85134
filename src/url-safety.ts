// Which addresses from a catalog may become a link or a picture on a page or in a chat message.

/** An absolute http(s) address. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A path on this server ("/products/x"); "//host/x" and "/\host/x" are another host to a browser, not a path. */
export function isLocalPath(url: string): boolean {
  return /^\/(?![/\\])/.test(url);
}

/**
 * `url` trimmed when it is an absolute http(s) address or a path on this server, else undefined: a catalog's
 * `javascript:` or `data:` URL never becomes a link, and neither does one with control characters inside
 * (browsers drop tabs and newlines, so "/\n/evil.example" would load from another host).
 */
export function safeLink(url: string | undefined): string | undefined {
  const u = url?.trim();
  if (!u || /[\u0000-\u001f\u007f]/.test(u)) return undefined;
  return isHttpUrl(u) || isLocalPath(u) ? u : undefined;
}
