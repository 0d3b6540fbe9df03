#!/usr/bin/env node
// `second-look` command: runs the TypeScript CLI through tsx, so it always matches the sources.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
