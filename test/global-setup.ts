import { existsSync } from 'node:fs';

/** The specs drive the built app: `npm test` builds it and installs Debian's chromium before this runs. */
export default function setup() {
  for (const [path, hint] of [
    ['dist/server/main.js', 'run `npm run build` (npm test does it for you)'],
    ['dist/client/index.html', 'run `npm run build` (npm test does it for you)'],
    ['/usr/bin/chromium', "install Debian's chromium package (npm test does it when run as root)"],
  ] as const) {
    if (!existsSync(path)) throw new Error(`End-to-end specs need ${path}: ${hint}`);
  }
}
