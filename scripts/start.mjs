#!/usr/bin/env node
// `npm start`: install what is missing, build if sources changed, then run the server, which applies
// migrations and serves the PWA and the API on one port. Arguments pass through (`npm start -- --demo`).
import { spawn } from 'node:child_process';
import { checkNode, ensureBuilt, ensureInstalled, ROOT } from './lib.mjs';

checkNode();
ensureInstalled();
ensureBuilt();
// `npm start` is for a person at a terminal: JSON logs only for warnings and errors unless LOG_LEVEL says otherwise,
// so the closing block (address, sign-in details) is what they see.
const child = spawn(process.execPath, ['dist/server/main.js', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { LOG_LEVEL: 'warn', ...process.env },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
