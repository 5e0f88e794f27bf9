#!/usr/bin/env node
// Launcher for the `mt-review` bin: runs the TypeScript CLI through tsx, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

// Output piped into `head` closes early: that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
