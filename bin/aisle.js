#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so `npx aisle` works from a checkout without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), process.env);
