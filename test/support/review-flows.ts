import type { Page } from 'playwright-core';

/** Review steps as a person takes them, by role and label, for the review specs. */

export async function openReview(page: Page, card: RegExp): Promise<void> {
  await page.getByRole('link', { name: 'Reviews', exact: true }).click();
  await page.getByRole('link', { name: card }).click();
}

/** A rating question of the form on screen, found by its prompt (the fieldset's legend), set to `point`. */
export async function rate(page: Page, question: string, point: RegExp): Promise<void> {
  await page
    .getByRole('group', { name: new RegExp(question) })
    .getByRole('radio', { name: point })
    .check();
}

export async function confirm(page: Page, button: string, dialogButton: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: dialogButton }).click();
}
