#!/usr/bin/env node
import { tuneTiering } from '../dist/tiering.js';

// Before the CLI's modules load: see src/tiering.ts.
tuneTiering();
const { main } = await import('../dist/cli/index.js');

process.exitCode = await main(process.argv);
