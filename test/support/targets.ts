import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Every visible control on the page is at least 44x44 CSS px (WCAG 2.5.5, Apple's HIG): buttons, links styled
 * as buttons, inputs, selects, text areas; a checkbox counts with the label that wraps it. Links inside a
 * sentence are exempt (WCAG 2.5.8's inline exception).
 */
export async function expectTargets44(page: Page, screen: string): Promise<void> {
  const small = await page.evaluate(() => {
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [role="tab"]');
    for (const el of controls) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || el.closest('[aria-hidden="true"], .visually-hidden')) continue;
      if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
      if (el.tagName === 'A' && el.closest('p, li.inline, .prose') && !el.classList.contains('btn')) continue;
      const target = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? (el.closest('label') ?? el) : el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.height < 43.5 || r.width < 43.5) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? el.tagName).trim().slice(0, 40);
        out.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
    }
    return out;
  });
  expect(small, `controls under 44 px on "${screen}"`).toEqual([]);
}
