#!/usr/bin/env node
// The `notebook` command. It works straight after `npm ci` with no build step: the
// TypeScript CLI is bundled on first run and cached by content hash (see launch.mjs).
import { loadMain } from './launch.mjs';

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
