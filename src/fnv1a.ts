// One stable 32-bit hash for everything that must bucket the same way in every process and every run
// (intent n-gram buckets, held-out reranker users, hashed reranker item ids).

/**
 * 32-bit FNV-1a over the string's UTF-16 code units (charCodeAt), as an unsigned integer.
 * Equals FNV-1a over the UTF-8 bytes for ASCII strings only; a Python port must hash code units too.
 */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
