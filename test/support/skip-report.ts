import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';
import { TOOL_INSTALL, type OptionalTool } from './optional-tools.ts';

/**
 * Prints, after vitest's own summary, every skipped test and why. With `requireAll` (AISLE_REQUIRE_ALL_TESTS=1,
 * set by .ci/run) any skip fails the run, so CI cannot pass while a tool it should have installed is missing.
 */
export class SkipReport implements Reporter {
  private log: (text: string) => void = console.log;

  constructor(private readonly requireAll: boolean) {}

  onInit(vitest: Vitest): void {
    this.log = (text) => vitest.logger.log(text);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped = modules.flatMap((m) => [...m.children.allTests('skipped')]);
    if (skipped.length === 0) return;
    const lines = skipped.map((test) => `  ↓ ${test.module.moduleId.replace(`${process.cwd()}/`, '')} > ${test.fullName}: ${reason(test)}`);
    const missing = [...new Set(skipped.flatMap((t) => t.meta().missingTools ?? []))];
    this.log(`\n${skipped.length} test(s) skipped:\n${lines.join('\n')}`);
    if (missing.length) this.log(`Missing tools:\n${missing.map((t) => `  ${t}: ${TOOL_INSTALL[t]}`).join('\n')}\n.ci/run installs them all.`);
    if (this.requireAll) {
      this.log('AISLE_REQUIRE_ALL_TESTS=1: every test must run here, so the skips above fail the run.');
      process.exitCode = 1;
    }
  }
}

function reason(test: TestCase): string {
  const missing: OptionalTool[] = test.meta().missingTools ?? [];
  const notes = test.meta().missingToolNotes ?? [];
  if (missing.length) return `needs ${missing.join(', ')}${notes.length ? ` (${notes.join('; ')})` : ''}`;
  const result = test.result();
  const note = result.state === 'skipped' ? result.note : undefined;
  return note ?? `marked ${test.options.mode}`;
}
