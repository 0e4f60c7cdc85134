import type { TestProject } from 'vitest/node';
import { ensureChatHome } from './chat-home.ts';
import { detectOptionalTools } from './optional-tools.ts';
import { checkTinyModel } from './tiny-model.ts';

/** Runs once before all test files: artifacts every integration test shares, and which optional tools exist. */
export default async function setup(project: TestProject): Promise<void> {
  checkTinyModel();
  // AISLE_TEST_WITHOUT=pytorch,wordnet runs the suite as if those were not installed (test/README.md).
  const hidden = (process.env.AISLE_TEST_WITHOUT ?? '').split(',').map((t) => t.trim());
  const tools = await detectOptionalTools(hidden);
  project.provide('optionalTools', tools.present);
  project.provide('optionalToolNotes', tools.notes);
  project.provide('testBrowser', tools.browser);
  await ensureChatHome();
}
