#!/usr/bin/env node
// The installed command: the compiled CLI (see src/cli/main.ts).
import { main } from '../dist/src/cli/main.js';

process.exit(await main(process.argv));
