/** Turns text into vectors. Every index records the `id` of the embedder that built it. */
export interface Embedder {
  /** Written into every index manifest; an index built by another embedder is refused. */
  readonly id: string;
  readonly dimensions: number;
  /** Unit-length vectors, one per input, same order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
}
