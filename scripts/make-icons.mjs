#!/usr/bin/env node
// Draws the Merit mark and renders the PWA icons into public/ with Debian Chromium (playwright-core).
// Run `node scripts/make-icons.mjs` after changing the drawing; the outputs are committed.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));
const GREEN = '#1d5c4d';
const GOLD = '#f2b632';

/**
 * The mark on a 64-unit grid: a bold rising "M" (two peaks, one of them a win) and a gold spark.
 * `scale` shrinks the drawing around the centre, for the maskable icon's safe zone.
 */
function mark({ radius, scale = 1 }) {
  const t = (1 - scale) * 32;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
  <title>Merit</title>
  <rect width="64" height="64" rx="${radius}" fill="${GREEN}"/>
  <g transform="translate(${t} ${t}) scale(${scale})">
    <path d="M14 46V22l18 16 18-16v24" fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>
    <circle cx="49" cy="13.5" r="5.5" fill="${GOLD}"/>
  </g>
</svg>
`;
}

const ICONS = [
  // "any" icons keep their own rounded corners; the maskable and Apple ones are full-bleed squares that
  // the platform crops, so their drawing sits inside the central safe zone (a circle of 80%).
  { file: 'icon-192.png', size: 192, svg: mark({ radius: 14 }) },
  { file: 'icon-512.png', size: 512, svg: mark({ radius: 14 }) },
  { file: 'icon-maskable-512.png', size: 512, svg: mark({ radius: 0, scale: 0.72 }) },
  { file: 'apple-touch-icon.png', size: 180, svg: mark({ radius: 0, scale: 0.86 }) },
];

writeFileSync(`${PUBLIC}favicon.svg`, mark({ radius: 14 }));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { file, size, svg } of ICONS) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace('width="64" height="64"', `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.screenshot({ path: `${PUBLIC}${file}`, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`public/${file} ${size}x${size}`);
  }
} finally {
  await browser.close();
}
