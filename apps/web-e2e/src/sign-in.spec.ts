import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, ShellPage, SignInPage } from './pages';

test.describe('sign-in', () => {
  for (const account of DEMO_ACCOUNTS) {
    test(`${account.email} sees their own name, role and agency`, async ({ page }) => {
      const signIn = new SignInPage(page);
      const shell = new ShellPage(page);
      await signIn.goto();
      await signIn.signIn(account.email);

      await expect(shell.userName).toHaveText(account.displayName);
      await expect(shell.userRole).toHaveText(account.role);
      if (account.agencyName === null) {
        await expect(page.getByTestId('current-user').getByTestId('agency-badge')).toHaveCount(0);
      } else {
        await expect(shell.agencyName).toHaveText(account.agencyName);
        await expect(shell.agencyKind).toHaveText(account.agencyKind ?? '');
      }

      if (account.email === 'admin@demo.vigil') {
        await expect(page).toHaveURL(/\/admin\/agencies$/);
        await expect(page.getByRole('heading', { name: 'Administration' })).toBeVisible();
      } else {
        await expect(page).toHaveURL(/\/cases$/);
        await expect(shell.welcome).toHaveText(`Welcome, ${account.displayName}`);
        // Case work is not for admins, and the admin area is not for case workers.
        await page.goto('/admin');
        await expect(page).toHaveURL(/\/cases$/);
        await expect(shell.userName).toHaveText(account.displayName);
      }
    });
  }

  test('colours each agency kind differently', async ({ page }) => {
    const signIn = new SignInPage(page);
    const shell = new ShellPage(page);
    const colours = new Set<string>();
    for (const email of ['prosecutor@demo.vigil', 'police@demo.vigil', 'ombudsman@demo.vigil', 'observer@demo.vigil']) {
      await signIn.goto();
      await signIn.signIn(email);
      await expect(shell.agencyKind).toBeVisible();
      colours.add(await shell.agencyKind.evaluate((element) => getComputedStyle(element).backgroundColor));
      await shell.signOut();
      await expect(signIn.submit).toBeVisible();
    }
    expect(colours.size).toBe(4);
  });

  test('a wrong password shows the error and stays on sign-in', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn('ombudsman@demo.vigil', 'not-the-password');
    await expect(signIn.error).toHaveText('Wrong email or password');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('validates the fields while typing', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.email.fill('not-an-email');
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
    await signIn.email.fill('someone@example.test');
    await expect(page.getByText('Enter a valid email address')).toBeHidden();
  });

  test('a reload keeps the session; signing out ends it', async ({ page }) => {
    const signIn = new SignInPage(page);
    const shell = new ShellPage(page);
    await signIn.goto();
    await signIn.signIn('police@demo.vigil');
    await expect(shell.userName).toHaveText('Timur Ospanov');

    await page.reload();
    await expect(shell.userName).toHaveText('Timur Ospanov');

    await shell.signOut();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(signIn.submit).toBeVisible();

    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(shell.userName).toHaveCount(0);
  });
});
