import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiToken, CaseListPage, createCase } from './case-pages';
import { ShellPage, SignInPage } from './pages';

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email);
  await expect(new ShellPage(page).userName).toBeVisible();
  await expect(page).toHaveURL(/\/cases$/);
  return page;
}

test.describe('case room', () => {
  test('two agencies talk live; the observer never reads prosecution messages nor the victim name', async ({
    browser,
    request,
  }) => {
    const suffix = Date.now().toString(36);
    const victimName = 'Aigul Fictivna';
    // The observer registers the report: the observer and the on-duty prosecutor are members.
    const observerToken = await apiToken(request, 'observer@demo.vigil');
    const created = await createCase(request, observerToken, {
      summary: `Invented report ${suffix}: bruises seen after a night at a test station`,
      source: 'civil_society',
      facility: { name: `Test Station ${suffix}`, kind: 'police_station' },
      victim: { fullName: victimName, birthYear: 1990 },
    });
    expect(created.members.map((member) => member.displayName)).toEqual(
      expect.arrayContaining(['Dana Kairatova', 'Arman Tasov']),
    );
    expect(created.victim.fullName).toBeUndefined();

    const prosecutorPage = await signedInPage(browser, 'prosecutor@demo.vigil');
    const observerPage = await signedInPage(browser, 'observer@demo.vigil');
    const prosecutor = await new CaseListPage(prosecutorPage).open(created.reference);
    const observer = await new CaseListPage(observerPage).open(created.reference);
    await expect(prosecutor.connection).toHaveText(/Connected/);
    await expect(observer.connection).toHaveText(/Connected/);

    // Identity: the prosecutor reads the name; the observer only the pseudonym.
    await expect(prosecutor.victim).toContainText(victimName);
    await expect(observer.victim).toContainText(created.victim.pseudonym);
    await expect(observer.victim).toContainText('Identity protected');
    await expect(observerPage.locator('body')).not.toContainText(victimName);

    // The observer may post only to the room, and is told who reads it.
    expect(await observer.tierOptions()).toEqual(['Room']);
    await expect(observer.audience).toHaveText('Who can read it: Everyone in the case, civil-society observers included');
    expect(await prosecutor.tierOptions()).toEqual(['Room', 'State', 'Oversight', 'Prosecution']);

    // Room-tier messages reach the other side live, without a reload.
    await prosecutor.post(`We are going to the station now ${suffix}`, 'Room');
    await expect(observer.message(`We are going to the station now ${suffix}`)).toBeVisible();
    await expect(observer.message(`We are going to the station now ${suffix}`).getByTestId('message-author')).toHaveText(
      'Arman Tasov',
    );
    await observer.post(`His lawyer can meet you there ${suffix}`);
    await expect(prosecutor.message(`His lawyer can meet you there ${suffix}`)).toBeVisible();
    await expect(prosecutor.message(`His lawyer can meet you there ${suffix}`).getByTestId('message-tier')).toContainText(
      'Room',
    );

    // A prosecution-tier message: shown to the prosecutor, never to the observer, even after
    // a later room message has reached the observer.
    const secret = `Prosecution only: suspect officer named ${suffix}`;
    await prosecutor.post(secret, 'Prosecution');
    await expect(prosecutor.message(secret)).toBeVisible();
    await expect(prosecutor.message(secret).getByTestId('message-tier')).toContainText('Prosecution');
    await prosecutor.post(`Arrived at the station ${suffix}`, 'Room');
    await expect(observer.message(`Arrived at the station ${suffix}`)).toBeVisible();
    await expect(observer.timeline).not.toContainText(secret);
    await expect(observer.messages).toHaveCount(3);
    await expect(prosecutor.messages).toHaveCount(4);

    // Nor after a reload, from history.
    await observerPage.reload();
    await expect(observer.message(`Arrived at the station ${suffix}`)).toBeVisible();
    await expect(observer.timeline).not.toContainText(secret);
    await expect(observer.messages).toHaveCount(3);
    await expect(observerPage.locator('body')).not.toContainText(victimName);

    await prosecutorPage.context().close();
    await observerPage.context().close();
  });

  test('edits and redactions reach the other side live', async ({ browser, request }) => {
    const suffix = Date.now().toString(36);
    const prosecutorToken = await apiToken(request, 'prosecutor@demo.vigil');
    const created = await createCase(request, prosecutorToken, {
      summary: `Invented report ${suffix}: complaint passed on by a relative`,
      source: 'relative',
      facility: { name: `Test Detention Centre ${suffix}`, kind: 'temporary_detention' },
      victim: { fullName: 'Dana Fictivna' },
    });
    const observerId = await meId(request, await apiToken(request, 'observer@demo.vigil'));
    const added = await request.post(`/api/cases/${created.id}/members`, {
      data: { userId: observerId },
      headers: { Authorization: `Bearer ${prosecutorToken}` },
    });
    expect(added.status()).toBe(201);

    const prosecutorPage = await signedInPage(browser, 'prosecutor@demo.vigil');
    const observerPage = await signedInPage(browser, 'observer@demo.vigil');
    const prosecutor = await new CaseListPage(prosecutorPage).open(created.reference);
    const observer = await new CaseListPage(observerPage).open(created.reference);

    await observer.post(`Visit at 9:00 ${suffix}`);
    await expect(prosecutor.message(`Visit at 9:00 ${suffix}`)).toBeVisible();
    await observer.edit(`Visit at 9:00 ${suffix}`, `Visit at 10:00 ${suffix}`);
    await expect(prosecutor.message(`Visit at 10:00 ${suffix}`).getByTestId('message-edited')).toBeVisible();
    await expect(prosecutor.timeline).not.toContainText(`Visit at 9:00 ${suffix}`);

    // The prosecutor redacts it: the observer loses the text at once, the prosecutor keeps it.
    await prosecutor.redact(`Visit at 10:00 ${suffix}`, 'Reveals the schedule');
    const redactedForObserver = observer.messages.filter({ has: observerPage.getByTestId('message-redacted') });
    await expect(redactedForObserver).toHaveCount(1);
    await expect(redactedForObserver).toContainText('This message was redacted.');
    await expect(observer.timeline).not.toContainText(`Visit at 10:00 ${suffix}`);
    await expect(prosecutor.message(`Visit at 10:00 ${suffix}`).getByTestId('message-redacted')).toBeVisible();

    await prosecutorPage.context().close();
    await observerPage.context().close();
  });

  test('the case list moves a case up and counts it unread when something happens in it', async ({ browser, request }) => {
    const suffix = Date.now().toString(36);
    const observerPage = await signedInPage(browser, 'observer@demo.vigil');
    const list = new CaseListPage(observerPage);

    // A new report by the observer appears at the top of the open list.
    const observerToken = await apiToken(request, 'observer@demo.vigil');
    const created = await createCase(request, observerToken, {
      summary: `Invented report ${suffix}: a detainee was denied water`,
      source: 'civil_society',
      facility: { name: `Test Penitentiary ${suffix}`, kind: 'penitentiary' },
      victim: { fullName: 'Serik Fictivov' },
    });
    await expect(list.rows.first()).toContainText(created.reference);

    // Another case becomes active: it moves to the top with an unread badge.
    const prosecutorToken = await apiToken(request, 'prosecutor@demo.vigil');
    const older = await createCase(request, prosecutorToken, {
      summary: `Invented report ${suffix}: older case`,
      source: 'media',
      facility: { name: `Test Station B ${suffix}`, kind: 'police_station' },
      victim: { fullName: 'Bolat Fictivov' },
    });
    const observerId = await meId(request, observerToken);
    await request.post(`/api/cases/${older.id}/members`, {
      data: { userId: observerId },
      headers: { Authorization: `Bearer ${prosecutorToken}` },
    });
    await expect(list.rows.first()).toContainText(older.reference);

    const prosecutorPage = await signedInPage(browser, 'prosecutor@demo.vigil');
    const prosecutor = await new CaseListPage(prosecutorPage).open(created.reference);
    await prosecutor.post(`Registered, going there ${suffix}`, 'Room');
    await expect(list.rows.first()).toContainText(created.reference);
    await expect(list.row(created.reference).getByTestId('unread')).toBeVisible();

    await prosecutorPage.context().close();
    await observerPage.context().close();
  });

  test('a keyboard user reaches the composer and sends with Enter', async ({ page, request }) => {
    const suffix = Date.now().toString(36);
    const token = await apiToken(request, 'police@demo.vigil');
    const created = await createCase(request, token, {
      summary: `Invented report ${suffix}: filed by the police duty officer`,
      source: 'police',
      facility: { name: `Test Station K ${suffix}`, kind: 'police_station' },
      victim: { fullName: 'Marat Fictivov' },
    });
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn('police@demo.vigil');
    const room = await new CaseListPage(page).open(created.reference);
    expect(await room.tierOptions()).toEqual(['Room', 'State']);
    await room.input.focus();
    await page.keyboard.type(`First line ${suffix}`);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    await page.keyboard.press('Enter');
    await expect(room.message(`First line ${suffix}`)).toContainText('second line');
    await expect(room.message(`First line ${suffix}`).getByTestId('message-tier')).toContainText('State');
  });
});

async function meId(request: Parameters<typeof apiToken>[0], token: string): Promise<string> {
  const response = await request.get('/api/me', { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { id: string }).id;
}
