#!/usr/bin/env node
// The `notebook` command. The CLI is TypeScript run through tsx's loader, so it
// works straight after `npm ci` with no build step (the desktop app is bundled).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
