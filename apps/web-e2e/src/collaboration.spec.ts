import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Account, AgencyRef, UnitRef } from '@vigil/contracts';
import { apiToken, CaseListPage, createCase } from './case-pages';
import { SignInPage } from './pages';

async function signIn(page: Page, email: string): Promise<void> {
  const signInPage = new SignInPage(page);
  await signInPage.goto();
  await signInPage.signIn(email);
  // The case list, at any width (on a phone the user's name sits in the menu).
  await expect(page).toHaveURL(/\/cases$/);
  await expect(new CaseListPage(page).rows.first()).toBeVisible();
}

async function setUnit(request: APIRequestContext, headers: Record<string, string>, accountId: string, unitId: string | null): Promise<void> {
  const response = await request.patch(`/api/admin/accounts/${accountId}`, { headers, data: { unitId } });
  expect(response.status()).toBe(200);
}

test.describe('collaboration', () => {
  test('a prosecutor brings the other agencies into a case from the room, and takes one out again', async ({ page, request }) => {
    const suffix = Date.now().toString(36);
    const token = await apiToken(request, 'prosecutor@demo.vigil');
    const created = await createCase(request, token, {
      summary: `Invented report ${suffix}: a detainee was kept awake for two nights`,
      source: 'lawyer',
      facility: { name: `Test Station ${suffix}`, kind: 'police_station' },
      victim: { fullName: 'Aigul Fictivna', birthYear: 1988 },
    });

    await signIn(page, 'prosecutor@demo.vigil');
    const room = await new CaseListPage(page).open(created.reference);
    await expect(room.members).toHaveCount(created.members.length);
    await expect(room.members.filter({ hasText: 'Arman Tasov' }).getByTestId('member-reads')).toHaveText(
      'Reads: Room, State, Oversight, Prosecution',
    );

    // Add the police, the ombudsman and the observer from the directory, searched as one types.
    await page.getByTestId('open-add-member').click();
    const dialog = page.getByRole('dialog');
    const search = dialog.getByRole('searchbox', { name: 'Search by name, agency or role' });
    for (const [query, name] of [
      ['police', 'Timur Ospanov'],
      ['ombudsman', 'Aigerim Nurova'],
      ['monitoring', 'Dana Kairatova'],
    ] as const) {
      await search.fill(query);
      await dialog.getByRole('button', { name: `Add ${name} to the case` }).click();
      await expect(dialog.getByTestId('member-added')).toHaveText(`${name} was added to the case.`);
      // The room's list follows live, from the case's log.
      await expect(room.members.filter({ hasText: name })).toBeVisible();
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();

    await expect(room.members.filter({ hasText: 'Timur Ospanov' }).getByTestId('member-reads')).toHaveText('Reads: Room, State');
    await expect(room.members.filter({ hasText: 'Aigerim Nurova' }).getByTestId('member-reads')).toHaveText(
      'Reads: Room, State, Oversight',
    );
    await expect(room.members.filter({ hasText: 'Dana Kairatova' }).getByTestId('member-reads')).toHaveText('Reads: Room');

    // Removing asks first; cancelling keeps the member.
    await page.getByRole('button', { name: 'Remove Dana Kairatova from the case' }).click();
    await expect(page.getByRole('dialog')).toContainText('Remove Dana Kairatova from the case?');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(room.members.filter({ hasText: 'Dana Kairatova' })).toBeVisible();
    await page.getByRole('button', { name: 'Remove Dana Kairatova from the case' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(room.members.filter({ hasText: 'Dana Kairatova' })).toHaveCount(0);
    await expect(room.members).toHaveCount(created.members.length + 2);

    // The record's hash chain holds.
    await page.getByTestId('verify-record').click();
    await expect(page.getByTestId('verify-result')).toHaveText(/The record is intact: \d+ events? checked\./);
  });

  test('an officer of the unit the case implicates is refused, with the reason in words', async ({ page, request }) => {
    const admin = { Authorization: `Bearer ${await apiToken(request, 'admin@demo.vigil')}` };
    const prosecutor = await apiToken(request, 'prosecutor@demo.vigil');
    const get = async <T>(url: string, headers: Record<string, string>): Promise<T> => {
      const response = await request.get(url, { headers });
      expect(response.status()).toBe(200);
      return (await response.json()) as T;
    };
    const accounts = await get<Account[]>('/api/admin/accounts', admin);
    const officer = accounts.find((account) => account.email === 'police@demo.vigil') as Account;
    const police = (await get<AgencyRef[]>('/api/agencies', { Authorization: `Bearer ${prosecutor}` })).find(
      (agency) => agency.id === officer.agency.id,
    ) as AgencyRef;
    const [unit] = await get<UnitRef[]>(`/api/agencies/${police.id}/units`, { Authorization: `Bearer ${prosecutor}` });
    await setUnit(request, admin, officer.id, unit.id);
    try {
      const suffix = Date.now().toString(36);
      const created = await createCase(request, prosecutor, {
        summary: `Invented report ${suffix}: blows during questioning`,
        source: 'lawyer',
        facility: { name: `Test Station ${suffix}`, kind: 'police_station' },
        victim: { fullName: 'Aigul Fictivna', birthYear: 1993 },
        intake: { implicated: { agencyId: police.id, unitId: unit.id } },
      });
      await signIn(page, 'prosecutor@demo.vigil');
      await new CaseListPage(page).open(created.reference);
      await page.getByTestId('open-add-member').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('searchbox', { name: 'Search by name, agency or role' }).fill('Timur');
      await dialog.getByRole('button', { name: 'Add Timur Ospanov to the case' }).click();
      await expect(dialog.getByTestId('member-problem')).toHaveText(
        'An officer of the unit this case implicates cannot be a member of it (conflict of interest).',
      );
    } finally {
      // Other tests work with this officer in cases that implicate no unit.
      await setUnit(request, admin, officer.id, null);
    }
  });

  test('the case list is filtered by status, and the filter survives a reload', async ({ page, request }) => {
    const suffix = Date.now().toString(36);
    const token = await apiToken(request, 'prosecutor@demo.vigil');
    const created = await createCase(request, token, {
      summary: `Invented report ${suffix}: shouting heard from a cell`,
      source: 'relative',
      facility: { name: `Test Station ${suffix}`, kind: 'police_station' },
      victim: { fullName: 'Aigul Fictivna', birthYear: 1991 },
    });
    await signIn(page, 'prosecutor@demo.vigil');
    const list = new CaseListPage(page);
    await expect(list.row(created.reference)).toBeVisible();

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('listbox').getByRole('option', { name: 'Closed', exact: true }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\/cases\?status=closed$/);
    await expect(list.row(created.reference)).toHaveCount(0);

    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Status' })).toContainText('Closed');
    await expect(list.row(created.reference)).toHaveCount(0);

    await page.getByTestId('filters-clear').click();
    await expect(page).toHaveURL(/\/cases$/);
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('listbox').getByRole('option', { name: 'Registered', exact: true }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\/cases\?status=registered$/);
    await expect(list.row(created.reference)).toBeVisible();
    await expect(list.rows.getByTestId('case-status')).toHaveText(Array(await list.rows.count()).fill('Registered'));
  });

  test('on a phone the filters fold behind one button', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'prosecutor@demo.vigil');
    const status = page.getByRole('combobox', { name: 'Status' });
    const toggle = page.getByRole('button', { name: 'Filters' });
    await expect(page.getByRole('searchbox', { name: 'Search cases' })).toBeVisible();
    await expect(status).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(status).toBeVisible();
  });

  test('the case list is searched by reference and by a word of the summary', async ({ page, request }) => {
    const token = await apiToken(request, 'prosecutor@demo.vigil');
    const suffix = Date.now().toString(36);
    const created = await createCase(request, token, {
      summary: `Invented report ${suffix}: a detainee was denied water`,
      source: 'lawyer',
      facility: { name: `Test Station ${suffix}`, kind: 'police_station' },
      victim: { fullName: 'Aigul Fictivna', birthYear: 1985 },
    });
    await signIn(page, 'prosecutor@demo.vigil');
    const list = new CaseListPage(page);
    const search = page.getByRole('searchbox', { name: 'Search cases' });

    await search.fill(created.reference);
    await expect(page).toHaveURL(new RegExp(`q=${created.reference}`));
    await expect(list.rows).toHaveCount(1);
    await expect(list.row(created.reference)).toBeVisible();

    await search.fill(suffix);
    await expect(list.row(created.reference)).toBeVisible();
    await search.fill(`nothing-like-${suffix}`);
    await expect(page.getByTestId('cases-empty')).toHaveText('No cases match this search.');
  });

  test('my work shows the time left, grouped by case', async ({ page, request }) => {
    const suffix = Date.now().toString(36);
    const token = await apiToken(request, 'prosecutor@demo.vigil');
    const created = await createCase(request, token, {
      summary: `Invented report ${suffix}: a visit is due`,
      source: 'victim',
      facility: { name: `Test Station ${suffix}`, kind: 'police_station' },
      victim: { fullName: 'Aigul Fictivna', birthYear: 1979 },
    });
    await signIn(page, 'prosecutor@demo.vigil');
    await page.getByTestId('nav-my-work').click();
    const group = page.getByTestId('my-work-case').filter({ hasText: created.reference });
    await expect(group.getByRole('heading', { level: 2 })).toHaveText(created.reference);
    await expect(group.getByTestId('my-work-case-summary')).toHaveText(created.summary);
    // A new report's visit is due a day after it was received.
    await expect(group.getByTestId('my-visit').getByTestId('time-left')).toHaveText(/due in (1 d 0 h|23 h \d+ min)/);
    await group.getByTestId('my-work-case-link').click();
    await expect(page.getByTestId('room-reference')).toHaveText(created.reference);
  });
});
