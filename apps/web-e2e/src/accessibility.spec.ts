import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import type { Case } from '@vigil/contracts';
import { apiToken, createCase } from './case-pages';
import { SignInPage } from './pages';

/** A desk and a phone (the width of most phones in the field). */
const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

const CASE_WORKERS = [
  'prosecutor@demo.vigil',
  'chief@demo.vigil',
  'police@demo.vigil',
  'ombudsman@demo.vigil',
  'observer@demo.vigil',
] as const;

/** Runs axe on what is on screen; fails listing every serious or critical violation, with where it is. */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = serious
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help}\n` +
        violation.nodes
          .slice(0, 5)
          .map((node) => `    ${node.target.join(' ')} — ${node.failureSummary?.split('\n').join(' ')}`)
          .join('\n'),
    )
    .join('\n');
  expect(serious, `${where}\n${report}`).toEqual([]);
}

/** A page is settled when its data has arrived: no progress bar left. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('main')).toBeVisible();
  await expect(page.locator('mat-progress-bar')).toHaveCount(0);
}

async function signedIn(browser: Browser, email: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email);
  await page.waitForURL(/\/(cases|admin\/agencies)$/);
  await expect(page.locator('vigil-shell main')).toBeVisible();
  return page;
}

async function meId(request: APIRequestContext, token: string): Promise<string> {
  const response = await request.get('/api/me', { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

/** One case every demo case worker is a member of, with a few lines in its record. */
async function sharedCase(request: APIRequestContext): Promise<Case> {
  const suffix = Date.now().toString(36);
  const prosecutorToken = await apiToken(request, 'prosecutor@demo.vigil');
  const created = await createCase(request, prosecutorToken, {
    summary: `Invented report ${suffix}: a detainee reported blows during questioning`,
    source: 'relative',
    facility: { name: `Test Station A11y ${suffix}`, kind: 'police_station' },
    victim: { fullName: 'Asel Fictivna' },
  });
  for (const email of ['police@demo.vigil', 'ombudsman@demo.vigil', 'observer@demo.vigil', 'chief@demo.vigil']) {
    const userId = await meId(request, await apiToken(request, email));
    const added = await request.post(`/api/cases/${created.id}/members`, {
      data: { userId },
      headers: { Authorization: `Bearer ${prosecutorToken}` },
    });
    // The on-duty chief may already be a member.
    expect([201, 409]).toContain(added.status());
  }
  // Two files in the room's tier, one superseded: the evidence actions are on screen, also on a muted card.
  const items: string[] = [];
  for (const title of [`Photo of the cell ${suffix}`, `Photo of the corridor ${suffix}`]) {
    const added = await request.post(`/api/cases/${created.id}/evidence`, {
      headers: { Authorization: `Bearer ${prosecutorToken}` },
      multipart: { title, tier: 'room', file: { name: 'photo.png', mimeType: 'image/png', buffer: TINY_PNG } },
    });
    expect(added.status()).toBe(201);
    items.push(((await added.json()) as { id: string }).id);
  }
  const superseded = await request.post(`/api/cases/${created.id}/evidence/${items[0]}/supersede`, {
    headers: { Authorization: `Bearer ${prosecutorToken}` },
    data: { reason: 'A clearer photo replaces it' },
  });
  expect(superseded.status()).toBe(200);
  return created;
}

/** A 1 × 1 transparent PNG. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

test.describe('accessibility: no serious or critical axe violation on any page', () => {
  let shared: Case;

  test.beforeAll(async ({ request }) => {
    shared = await sharedCase(request);
  });

  for (const size of SIZES) {
    test(`sign-in page (${size.name})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: size.viewport });
      const page = await context.newPage();
      await new SignInPage(page).goto();
      await expectNoSeriousViolations(page, `sign-in, ${size.name}`);
      await context.close();
    });

    for (const email of CASE_WORKERS) {
      test(`${email}: case list, every tab of a case, my work, places (${size.name})`, async ({ browser }) => {
        test.setTimeout(120_000);
        const page = await signedIn(browser, email, size.viewport);

        await page.goto('/cases');
        await expect(page.getByTestId('case-row').first()).toBeVisible();
        await settled(page);
        await expectNoSeriousViolations(page, `${email}: case list, ${size.name}`);

        await page.goto(`/cases/${shared.id}`);
        await expect(page.getByTestId('room-reference')).toHaveText(shared.reference);
        await expect(page.getByTestId('notice').first()).toBeVisible();
        const tabs = await page.getByTestId('case-tab').evaluateAll((links) => links.map((link) => link.getAttribute('data-tab') ?? ''));
        expect(tabs).toContain('timeline');
        for (const tab of tabs) {
          await page.goto(`/cases/${shared.id}/${tab}`);
          await expect(page.getByTestId('room-reference')).toHaveText(shared.reference);
          await settled(page);
          await expectNoSeriousViolations(page, `${email}: case room, tab ${tab}, ${size.name}`);
        }

        for (const path of ['/my-work', '/places']) {
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await settled(page);
          await expectNoSeriousViolations(page, `${email}: ${path}, ${size.name}`);
        }
        await page.context().close();
      });
    }

    test(`admin@demo.vigil: agencies, units, accounts and their dialogs (${size.name})`, async ({ browser }) => {
      test.setTimeout(90_000);
      const page = await signedIn(browser, 'admin@demo.vigil', size.viewport);

      await page.goto('/admin/agencies');
      await expect(page.getByTestId('agency-row').first()).toBeVisible();
      await settled(page);
      await expectNoSeriousViolations(page, `admin: agencies, ${size.name}`);

      await page.getByTestId('agency-units').first().click();
      await expect(page.getByTestId('unit-list')).toBeVisible();
      await settled(page);
      await expectNoSeriousViolations(page, `admin: units dialog, ${size.name}`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();

      await page.getByTestId('agency-row').first().getByRole('button', { name: /^Edit/ }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoSeriousViolations(page, `admin: agency dialog, ${size.name}`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();

      await page.goto('/admin/accounts');
      await expect(page.getByTestId('account-row').first()).toBeVisible();
      await settled(page);
      await expectNoSeriousViolations(page, `admin: accounts, ${size.name}`);

      await page.getByTestId('account-row').first().getByRole('button', { name: /^Edit/ }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoSeriousViolations(page, `admin: account dialog, ${size.name}`);
      await page.context().close();
    });
  }
});

test.describe('a phone, 390 × 844', () => {
  const phone = { width: 390, height: 844 };

  test('the header is a compact bar whose menu holds the pages, the user, the language and sign out', async ({ browser }) => {
    const page = await signedIn(browser, 'prosecutor@demo.vigil', phone);
    const header = await page.locator('header.top').boundingBox();
    expect(header?.height ?? Infinity).toBeLessThanOrEqual(0.15 * phone.height);
    await expect(page.getByTestId('sign-out')).toBeHidden();

    await page.getByTestId('shell-menu').click();
    const menu = page.getByRole('menu');
    await expect(menu.getByTestId('menu-user')).toContainText('Arman Tasov');
    await expect(menu.getByRole('radio', { name: 'Қазақша' })).toBeVisible();
    await menu.getByTestId('menu-my-work').click();
    await expect(page).toHaveURL(/\/my-work$/);

    await page.getByTestId('shell-menu').click();
    await page.getByRole('menu').getByTestId('menu-sign-out').click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.context().close();
  });

  test('the message box of a room is on the first screen, and it sends', async ({ browser, request }) => {
    const created = await sharedCase(request);
    const page = await signedIn(browser, 'prosecutor@demo.vigil', phone);
    await page.goto(`/cases/${created.id}`);
    await expect(page.getByTestId('room-reference')).toHaveText(created.reference);
    const input = page.getByRole('textbox', { name: 'Message' });
    await expect(input).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    // Keyboard only: type, Enter sends.
    await input.focus();
    await page.keyboard.type('Seen on a phone');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('message').filter({ hasText: 'Seen on a phone' })).toBeVisible();
    await expect(input).toBeInViewport();
    await page.context().close();
  });

  test('the accounts list fits the screen: no sideways scrolling, every Edit on screen', async ({ browser }) => {
    const page = await signedIn(browser, 'admin@demo.vigil', phone);
    await page.goto('/admin/accounts');
    await expect(page.getByTestId('account-row').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const table = page.getByTestId('account-table');
    expect(await table.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    const edit = page.getByTestId('account-row').first().getByRole('button', { name: /^Edit/ });
    const box = await edit.boundingBox();
    expect((box?.x ?? Infinity) + (box?.width ?? 0)).toBeLessThanOrEqual(phone.width);
    await page.context().close();
  });
});
