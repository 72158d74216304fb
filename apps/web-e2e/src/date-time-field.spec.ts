import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ShellPage, SignInPage } from './pages';

/** Serious and critical axe findings inside `selector`, as rule ids and their first node. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`);
}

test.describe('date and time field', () => {
  test('in Kazakh, by keyboard only: a typed date, a day chosen on the calendar, a time from the list; axe finds nothing serious', async ({
    page,
  }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn('prosecutor@demo.vigil');
    const shell = new ShellPage(page);
    await expect(shell.userName).toBeVisible();
    await shell.chooseLanguage('Қазақша');
    await page.goto('/cases/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Хабарламаны тіркеу' })).toBeVisible();

    const field = page.getByRole('group', { name: 'Оқиға қашан болды' });
    const date = field.locator('input[data-part="date"]');
    const time = field.locator('input[data-part="time"]');
    await expect(date).toHaveAttribute('placeholder', 'КК.АА.ЖЖЖЖ');
    expect(await seriousViolations(page, 'vigil-date-time-field')).toEqual([]);

    // The date typed day first; Tab moves on to the calendar button.
    await date.focus();
    await page.keyboard.type('07.12.2025');
    await page.keyboard.press('Tab');
    await expect(field.getByRole('button', { name: 'Күнтізбені ашу' })).toBeFocused();
    await expect(date).toHaveValue('07.12.2025');

    // The calendar in Kazakh, weeks from Monday; arrows move the day, Enter takes it.
    await page.keyboard.press('Enter');
    const calendar = page.locator('mat-calendar');
    await expect(calendar.locator('.mat-calendar-period-button')).toHaveText(/желтоқсан 2025/i);
    await expect(calendar.locator('thead th span[aria-hidden="true"]')).toHaveText(['Дс', 'Сс', 'Ср', 'Бс', 'Жм', 'Сб', 'Жс']);
    await expect(calendar.getByRole('button', { name: 'Алдыңғы ай' })).toBeVisible();
    expect(await seriousViolations(page, 'mat-datepicker-content')).toEqual([]);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(calendar).toBeHidden();
    await expect(date).toHaveValue('08.12.2025');

    // The time: typed on a 24-hour clock, then the list opened with the arrow key and the next half hour taken.
    await time.focus();
    await page.keyboard.type('21:00');
    await page.keyboard.press('ArrowDown');
    const times = page.getByRole('listbox', { name: 'Уақыт' });
    await expect(times.getByRole('option', { name: '21:00' })).toBeVisible();
    await expect(times.getByRole('option')).toHaveCount(48);
    expect(await seriousViolations(page, '.mat-timepicker-panel')).toEqual([]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(times).toBeHidden();
    await expect(time).toHaveValue('21:30');
    await expect(page.locator('body')).not.toContainText(/AM|PM|M12/);

    // An impossible date is kept and named in Kazakh, not dropped.
    await date.fill('31.02.2025');
    await date.press('Tab');
    await expect(field.locator('mat-error')).toHaveText('Дұрыс күн мен уақытты енгізіңіз');
  });
});
