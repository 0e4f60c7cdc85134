import { ensureTinyModel } from './tiny-model.ts';

/** Runs once before all test files: artifacts every integration test shares. */
export default function setup(): void {
  ensureTinyModel();
}
