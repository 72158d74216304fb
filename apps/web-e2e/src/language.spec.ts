import { expect, test } from '@playwright/test';
import { ShellPage, SignInPage } from './pages';

test.describe('language', () => {
  test('switches the UI at once and remembers the choice across reloads', async ({ page }) => {
    const signIn = new SignInPage(page);
    const shell = new ShellPage(page);
    await signIn.goto();
    await signIn.signIn('prosecutor@demo.vigil');
    await expect(shell.signOutButton).toHaveText('Sign out');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await shell.chooseLanguage('Русский');
    await expect(shell.signOutButton).toHaveText('Выйти');
    await expect(shell.userRole).toHaveText('Прокурор');
    await expect(shell.agencyKind).toHaveText('Прокуратура');
    await expect(shell.welcome).toHaveText('Добро пожаловать, Arman Tasov');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

    await shell.chooseLanguage('Қазақша');
    await expect(shell.signOutButton).toHaveText('Шығу');
    await expect(shell.welcome).toHaveText('Қош келдіңіз, Arman Tasov');
    await expect(page.getByRole('heading', { level: 1, name: 'Істер' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');

    await page.reload();
    await expect(shell.signOutButton).toHaveText('Шығу');
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');

    await shell.signOut();
    await expect(signIn.submit).toHaveText('Кіру');

    await shell.chooseLanguage('Русский');
    await expect(signIn.submit).toHaveText('Войти');
    await signIn.signIn('ombudsman@demo.vigil', 'not-the-password');
    await expect(signIn.error).toHaveText('Неверная электронная почта или пароль');

    await page.reload();
    await expect(signIn.submit).toHaveText('Войти');
    await shell.chooseLanguage('English');
    await expect(signIn.submit).toHaveText('Sign in');
  });
});
