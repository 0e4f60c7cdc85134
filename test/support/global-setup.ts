import { ensureChatHome } from './chat-home.ts';
import { ensureTinyModel } from './tiny-model.ts';

/** Runs once before all test files: artifacts every integration test shares. */
export default async function setup(): Promise<void> {
  ensureTinyModel();
  await ensureChatHome();
}
