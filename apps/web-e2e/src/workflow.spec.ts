import { expect, test, type Browser, type Page } from '@playwright/test';
import { CaseListPage } from './case-pages';
import { ShellPage, SignInPage } from './pages';
import { CaseWorkflowPage, MyWorkPage, RegisterCasePage } from './workflow-pages';

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

test.describe('case workflow', () => {
  test('an observer registers a report; the prosecutor visits, assigns a task and uploads evidence; the police complete the task live', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const suffix = Date.now().toString(36);
    // The victim's name never appears in text written below oversight (the summary): the server refuses it.
    const victimName = 'Aigul Fictivna';
    const taskTitle = `Seize the CCTV of the night shift ${suffix}`;

    const observerPage = await signedInPage(browser, 'observer@demo.vigil');
    const prosecutorPage = await signedInPage(browser, 'prosecutor@demo.vigil');
    const policePage = await signedInPage(browser, 'police@demo.vigil');
    const prosecutorList = new CaseListPage(prosecutorPage);

    // The police officer watches their work while nothing is theirs yet.
    const policeWork = new MyWorkPage(policePage);
    await policeWork.openFromNav();
    await expect(policeWork.task(taskTitle)).toHaveCount(0);

    // The observer registers the report through the form.
    const register = new RegisterCasePage(observerPage);
    await register.openFromList();
    await register.fill({
      summary: `Invented report ${suffix}: a detainee says he was beaten during questioning`,
      victimName,
      facilityName: `Test Station ${suffix}`,
      facilityKind: 'Police station',
      methods: ['Beating', 'Threats'],
      injuries: 'Bruises on both forearms, seen by the monitor',
      witnesses: 'A cellmate, name withheld',
      circumstances: 'Detained on the street without a written record',
      source: 'Civil society',
      sourceDetails: 'Monitoring visit of the public group',
      protectionMeasures: 'Transfer to another facility',
      allegedAt: { date: '07.12.2025', time: '22:15' },
    });
    // Dates are read day first and shown again in the UI language's numeric form.
    await expect(register.form.locator('input[data-part="date"]').first()).toHaveValue('07/12/2025');
    const observerCase = await register.register();
    await expect(observerCase.reference).toHaveText(/\S+-\d{4}-\d+/);
    const reference = (await observerCase.reference.textContent())?.trim() ?? '';
    await expect(observerPage.getByTestId('room-victim')).toContainText('Identity protected');
    await expect(observerPage.locator('body')).not.toContainText(victimName);

    // It reaches the prosecutor's open list live, without a reload.
    await expect(prosecutorList.row(reference)).toBeVisible();
    await prosecutorList.open(reference);
    const prosecutorCase = new CaseWorkflowPage(prosecutorPage);
    await expect(prosecutorPage.getByTestId('room-victim')).toContainText(victimName);

    // The intake as the observer filed it, read at the prosecutor's clearance.
    await prosecutorCase.openTab('Intake');
    await expect(prosecutorPage.getByTestId('intake-methods')).toHaveText('Beating, Threats');
    await expect(prosecutorPage.getByTestId('intake-risk')).toContainText('At risk of reprisals');

    // The visit: the clock runs; dispatch, arrival, findings.
    await prosecutorCase.openTab('Visit');
    await expect(prosecutorCase.visitClock).toContainText('Time left');
    await prosecutorCase.dispatch('Arman Tasov');
    await expect(prosecutorCase.status).toContainText('Visit dispatched');
    await prosecutorCase.recordArrival();
    await expect(prosecutorCase.visitClock).toContainText('On time');
    await expect(prosecutorCase.status).toContainText('Site visited');
    await prosecutorCase.recordFindings(`Fresh bruises confirmed; the duty log has a gap ${suffix}`);

    // A task for the police officer, at the state tier.
    await prosecutorCase.openTab('Tasks');
    await prosecutorCase.assignTask({
      kind: 'Seize CCTV recordings',
      title: taskTitle,
      details: 'Cameras of the corridor and the interview rooms',
      agency: /Shymkent City Police Department/,
      person: /Timur Ospanov/,
      tier: 'State',
      due: { date: '31.12.2099', time: '18:00' },
    });
    await expect(prosecutorCase.task(taskTitle).getByTestId('task-status')).toHaveText('Open');

    // Evidence, with its hash and chain of custody.
    await prosecutorCase.openTab('Evidence');
    await prosecutorCase.upload(
      { name: 'duty-log-extract.txt', mimeType: 'text/plain', buffer: Buffer.from(`Invented duty log extract ${suffix}\n`) },
      `Duty log extract ${suffix}`,
      'Oversight',
    );
    const item = prosecutorCase.evidence.filter({ hasText: `Duty log extract ${suffix}` });
    await expect(item.getByTestId('evidence-type')).toHaveText('text/plain');
    await expect(item.getByTestId('evidence-sha256')).toHaveText(/^[0-9a-f]{64}$/);
    await expect(item.getByTestId('custody-entry')).toHaveCount(1);

    // Back on the tasks, which follow the police officer's progress live.
    await prosecutorCase.openTab('Tasks');

    // The police officer sees the task arrive live, opens it and completes it.
    await expect(policeWork.task(taskTitle)).toBeVisible();
    await expect(policePage.locator('body')).not.toContainText(victimName);
    await policeWork.task(taskTitle).getByRole('link').click();
    await expect(policePage).toHaveURL(/\/cases\/[0-9a-f-]{36}\/tasks$/);
    const policeCase = new CaseWorkflowPage(policePage);
    await expect(policeCase.reference).toHaveText(reference);
    await expect(policePage.getByTestId('room-victim')).toContainText('Identity protected');
    await policeCase.completeTask(taskTitle, `Recordings of four cameras seized and sealed ${suffix}`);
    await expect(policePage.locator('body')).not.toContainText(victimName);

    // Oversight content stays out of the police view: not even a tab that would say so.
    await expect(policePage.getByTestId('case-tab')).toHaveText(['Timeline', 'Visit', 'Tasks', 'Evidence', 'Outcome']);
    await policeCase.openTab('Evidence');
    await expect(policePage.getByTestId('evidence-item')).toHaveCount(0);
    await policeCase.openTab('Timeline');
    await expect(policePage.getByTestId('timeline')).toContainText(`Arman Tasov assigned a task: “${taskTitle}”`);
    await expect(policePage.locator('body')).not.toContainText(victimName);

    // The prosecutor's open tasks tab shows it done without a reload.
    await expect(prosecutorCase.task(taskTitle).getByTestId('task-status')).toHaveText('Done');
    await expect(prosecutorCase.task(taskTitle).getByTestId('task-result')).toContainText(
      'Recordings of four cameras seized and sealed',
    );

    await observerPage.context().close();
    await prosecutorPage.context().close();
    await policePage.context().close();
  });
});
