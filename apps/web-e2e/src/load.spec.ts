import { expect, test, type Page, type Request } from '@playwright/test';
import { CaseListPage } from './case-pages';
import { SignInPage } from './pages';

/** Console errors and uncaught exceptions of the page, and the API requests it made. */
function watch(page: Page) {
  const errors: string[] = [];
  const requests: Request[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request));
  const api = (path: string) => requests.filter((request) => new URL(request.url()).pathname === path);
  return { errors, api };
}

/**
 * Waits until the case list is on screen and its socket has connected: the moment a second read
 * of the list used to start. Call before the navigation that opens the socket.
 */
function caseListSettled(page: Page): () => Promise<void> {
  // socket.io's "connected" packet, listened for from the socket's first frame on.
  const connected = new Promise<void>((resolve) =>
    page.once('websocket', (socket) =>
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).startsWith('40')) resolve();
      }),
    ),
  );
  return async () => {
    await connected;
    await expect(new CaseListPage(page).rows.first()).toBeVisible();
    await page.waitForLoadState('networkidle');
  };
}

test.describe('a fresh load', () => {
  test('of the sign-in page logs no error and asks for no session it does not have', async ({ page }) => {
    const seen = watch(page);
    await new SignInPage(page).goto();
    await page.waitForLoadState('networkidle');
    expect(seen.errors).toEqual([]);
    expect(seen.api('/api/auth/refresh')).toHaveLength(0);
  });

  test('reaches the case list with one request for the list, and a reload signs back in the same way', async ({ page }) => {
    const seen = watch(page);
    const signIn = new SignInPage(page);
    await signIn.goto();
    const listed = caseListSettled(page);
    await signIn.signIn('prosecutor@demo.vigil');
    await expect(page).toHaveURL(/\/cases$/);
    await listed();
    expect(seen.api('/api/cases')).toHaveLength(1);
    expect(seen.errors).toEqual([]);

    const reloaded = watch(page);
    const relisted = caseListSettled(page);
    await page.reload();
    await relisted();
    expect(reloaded.api('/api/auth/refresh')).toHaveLength(1);
    expect(reloaded.api('/api/cases')).toHaveLength(1);
    expect(reloaded.errors).toEqual([]);
  });

  test('in Russian shows Russian from the first render, fetching only that dictionary', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('vigil.language', 'ru'));
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) scripts.push(response.url());
    });
    await page.goto('/sign-in');
    await expect(page.locator('vigil-sign-in button[type="submit"]')).toHaveText('Войти');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    // The build writes non-ASCII letters as \u escapes.
    const unescape = (text: string) => text.replace(/\\u([0-9a-fA-F]{4})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
    const texts = await Promise.all(scripts.map(async (url) => unescape(await (await page.request.get(url)).text())));
    // Kazakh is not downloaded by someone reading Russian.
    expect(texts.some((text) => text.includes('Құпиясөз'))).toBe(false);
    expect(texts.some((text) => text.includes('Войти'))).toBe(true);
  });
});
