#!/usr/bin/env node
// `npm start`: install what is missing, build if sources changed, then run the server, which applies
// migrations and serves the PWA and the API on one port. Arguments pass through (`npm start -- --demo`).
import { spawn } from 'node:child_process';
import { checkNode, ensureBuilt, ensureInstalled, ROOT } from './lib.mjs';

checkNode();
ensureInstalled();
ensureBuilt();
const child = spawn(process.execPath, ['dist/server/main.js', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
