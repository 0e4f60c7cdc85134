import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { createExactIndex } from '../../src/index/exact-index.ts';
import { createHnswIndex, openHnswIndex } from '../../src/index/hnsw-index.ts';
import { unitVectors, vectorIndexContract } from './vector-index.contract.ts';

const PARAMS = { m: 16, efConstruction: 100, efSearch: 64 };

vectorIndexContract('exact', (dimensions) => createExactIndex(dimensions));
vectorIndexContract('HNSW', (dimensions) => createHnswIndex(dimensions, PARAMS));

describe('HNSW index', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-hnsw-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers the same after save and open', () => {
    const entries = unitVectors(500, 32, 1);
    const queries = unitVectors(20, 32, 2).map((e) => e.vector);
    const index = createHnswIndex(32, PARAMS);
    index.upsert(entries);
    index.remove(['v3', 'v4']);
    index.save(dir);

    const reopened = openHnswIndex(dir, 32, PARAMS);
    expect(reopened.size).toBe(498);
    for (const query of queries) expect(reopened.search(query, 10)).toEqual(index.search(query, 10));
    expect(reopened.distances(queries[0]!, ['v0', 'v3'])).toEqual(index.distances(queries[0]!, ['v0', 'v3']));

    // A reopened index keeps taking writes.
    reopened.upsert([{ id: 'v3', vector: entries[3]!.vector }]);
    expect(reopened.search(entries[3]!.vector, 1)[0]!.id).toBe('v3');
  });

  it('refuses a directory with no index, saying which command rebuilds it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'aisle-hnsw-empty-'));
    try {
      expect(() => openHnswIndex(empty, 32, PARAMS)).toThrow(AppError);
      expect(() => openHnswIndex(empty, 32, PARAMS)).toThrow(/aisle index --full/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('grows past its initial capacity', () => {
    const entries = unitVectors(3000, 16, 3);
    const index = createHnswIndex(16, PARAMS, 16);
    for (const e of entries.slice(0, 40)) index.upsert([e]);
    for (let i = 40; i < entries.length; i += 320) index.upsert(entries.slice(i, i + 320));
    expect(index.size).toBe(3000);
    for (const { id, vector } of entries.filter((_, i) => i % 150 === 0)) expect(index.search(vector, 1)[0]!.id).toBe(id);
    expect(index.search(entries[0]!.vector, 5000)).toHaveLength(3000);
  });

  it('keeps recall@10 against exact search at 0.95 or better', () => {
    const entries = unitVectors(2000, 32, 4);
    const queries = unitVectors(100, 32, 5).map((e) => e.vector);
    const hnsw = createHnswIndex(32, PARAMS);
    const exact = createExactIndex(32);
    hnsw.upsert(entries);
    exact.upsert(entries);
    let found = 0;
    for (const query of queries) {
      const truth = new Set(exact.search(query, 10).map((h) => h.id));
      found += hnsw.search(query, 10).filter((h) => truth.has(h.id)).length;
    }
    expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
  });
});
