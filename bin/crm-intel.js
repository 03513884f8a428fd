#!/usr/bin/env node
// Runs the command line from its TypeScript source through tsx, so `npx crm-intel` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
