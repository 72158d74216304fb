import { expect, test } from '@playwright/test';
import type { RoleGrant } from '@vigil/contracts';
import { apiToken } from './case-pages';
import { AdminPage, ShellPage, SignInPage } from './pages';

test.describe('administration', () => {
  test.beforeEach(async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn('admin@demo.vigil');
    await expect(page).toHaveURL(/\/admin\/agencies$/);
  });

  test('creates an agency and an account; a police agency holds no prosecutor', async ({ page, request }) => {
    const admin = new AdminPage(page);
    const suffix = Date.now().toString(36);
    const agencyName = `Test Police Precinct ${suffix}`;
    const email = `officer.${suffix}@example.test`;

    await admin.createAgency(agencyName, 'Police');
    const agencyRow = admin.agencyRow(agencyName);
    await expect(agencyRow).toBeVisible();
    await expect(agencyRow.getByTestId('agency-kind')).toHaveText('Police');
    await expect(agencyRow).toContainText('Active');

    await admin.openAccounts();
    await admin.startAccount(email, 'Test Officer', 'long-enough-secret');
    await admin.chooseOption(admin.agencySelect, new RegExp(agencyName));
    const roles = await admin.optionsOf(admin.roleSelect);
    expect(roles).toEqual(['Police officer', 'Administrator']);
    expect(roles).not.toContain('Prosecutor');

    // A prosecutor agency offers the prosecutor roles again.
    await admin.chooseOption(admin.agencySelect, /Shymkent City Prosecutor's Office/);
    expect(await admin.optionsOf(admin.roleSelect)).toEqual(['Prosecutor', 'Chief prosecutor', 'Administrator']);

    await admin.chooseOption(admin.agencySelect, new RegExp(agencyName));
    await admin.chooseOption(admin.roleSelect, 'Police officer');
    await admin.dialog.getByRole('button', { name: 'Create' }).click();
    await expect(admin.dialog).toBeHidden();

    const accountRow = admin.accountRow(email);
    await expect(accountRow).toContainText('Test Officer');
    await expect(accountRow).toContainText('Police officer');
    await expect(accountRow).toContainText(agencyName);

    // A role with case access takes a chief prosecutor's approval (four eyes) before it works.
    const chief = await apiToken(request, 'chief@demo.vigil');
    const pending = await request.get('/api/role-grants?status=pending', { headers: { Authorization: `Bearer ${chief}` } });
    const grant = ((await pending.json()) as RoleGrant[]).find((each) => each.account.email === email);
    expect(grant?.role).toBe('police');
    const approved = await request.post(`/api/role-grants/${grant?.id}/approve`, { headers: { Authorization: `Bearer ${chief}` } });
    expect(approved.status()).toBe(200);

    // The new account signs in and sees itself.
    const shell = new ShellPage(page);
    await shell.signOut();
    const signIn = new SignInPage(page);
    await signIn.signIn(email, 'long-enough-secret');
    await expect(shell.userName).toHaveText('Test Officer');
    await expect(shell.agencyName).toHaveText(agencyName);
    await expect(shell.userRole).toHaveText('Police officer');
  });

  test("shows the server's refusal next to the field", async ({ page }) => {
    const admin = new AdminPage(page);
    await admin.openAccounts();
    await admin.startAccount('police@demo.vigil', 'Someone Else', 'long-enough-secret');
    await admin.chooseOption(admin.agencySelect, /Shymkent City Police Department/);
    await admin.chooseOption(admin.roleSelect, 'Police officer');
    await admin.dialog.getByRole('button', { name: 'Create' }).click();

    const emailField = admin.dialog.locator('mat-form-field').filter({ has: page.getByLabel('Email') });
    await expect(emailField.locator('mat-error')).toHaveText('An account with this email already exists');
    await expect(admin.dialog).toBeVisible();
  });

  test('edits an agency: renames and disables it', async ({ page }) => {
    const admin = new AdminPage(page);
    const suffix = Date.now().toString(36);
    const name = `Test Watch Group ${suffix}`;
    await admin.createAgency(name, 'Civil society');

    await admin.agencyRow(name).getByRole('button', { name: `Edit: ${name}` }).click();
    await admin.dialog.getByLabel('Name in English').fill(`${name} renamed`);
    await admin.dialog.getByRole('switch', { name: 'Active: its accounts can sign in' }).click();
    await admin.dialog.getByRole('button', { name: 'Save' }).click();
    await expect(admin.dialog).toBeHidden();

    const row = admin.agencyRow(`${name} renamed`);
    await expect(row).toContainText('Disabled');
  });
});
