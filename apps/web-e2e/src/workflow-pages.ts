import { expect, type Locator, type Page } from '@playwright/test';
import { fillDateTime, type TypedMoment } from './pages';

/** Picks an option of a Material select with the keyboard: focus, Enter opens it, a click picks. */
export async function chooseOption(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  await select.focus();
  await select.press('Enter');
  await page
    .getByRole('listbox')
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .click();
  await expect(page.getByRole('listbox')).toBeHidden();
}

export interface ReportDetails {
  summary: string;
  victimName: string;
  facilityName: string;
  facilityKind: string;
  methods: string[];
  injuries: string;
  witnesses: string;
  circumstances: string;
  source: string;
  sourceDetails: string;
  /** Named only by those who lead the case; an observer's form has no such field. */
  implicatedAgency?: string | RegExp;
  implicatedUnit?: string;
  protectionMeasures: string;
  /** When it happened, typed day first. */
  allegedAt?: TypedMoment;
}

/** `/cases/new`: the registration form. */
export class RegisterCasePage {
  readonly form: Locator;
  readonly submit: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByTestId('register-form');
    this.submit = page.getByTestId('register-submit');
  }

  /** From the case list, by its button. */
  async openFromList(): Promise<void> {
    await this.page.getByRole('link', { name: 'Register a report' }).click();
    await expect(this.page).toHaveURL(/\/cases\/new$/);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Register a report' })).toBeVisible();
  }

  async fill(report: ReportDetails): Promise<void> {
    const form = this.form;
    await form.getByLabel('Summary of the report').fill(report.summary);
    for (const method of report.methods) {
      await form.getByRole('checkbox', { name: method, exact: true }).check();
    }
    await form.getByLabel('Injuries').fill(report.injuries);
    await form.getByLabel('Witnesses').fill(report.witnesses);
    if (report.allegedAt) await fillDateTime(form.getByRole('group', { name: 'When it happened' }), report.allegedAt);
    await form.getByLabel('Full name of the victim').fill(report.victimName);
    await form.getByRole('radio', { name: 'Another facility' }).check();
    await form.getByLabel('Facility name').fill(report.facilityName);
    await chooseOption(this.page, form.getByRole('combobox', { name: 'Facility kind' }), report.facilityKind);
    await form.getByLabel('How the person came into custody').fill(report.circumstances);
    await chooseOption(this.page, form.getByRole('combobox', { name: 'Source of the report' }), report.source);
    await form.getByLabel('Details of the source').fill(report.sourceDetails);
    if (report.implicatedAgency) await chooseOption(this.page, form.getByRole('combobox', { name: 'Agency' }), report.implicatedAgency);
    if (report.implicatedUnit) await chooseOption(this.page, form.getByRole('combobox', { name: 'Unit', exact: true }), report.implicatedUnit);
    await form.getByRole('checkbox', { name: 'The person is at risk of reprisals' }).check();
    await form.getByLabel('Protection measures').fill(report.protectionMeasures);
  }

  /** Sends the form; the new case page opens. */
  async register(): Promise<CaseWorkflowPage> {
    await this.submit.click();
    await expect(this.page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    return new CaseWorkflowPage(this.page);
  }
}

/** A case page with its tabs. */
export class CaseWorkflowPage {
  readonly reference: Locator;
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.reference = page.getByTestId('room-reference');
    this.status = page.getByTestId('room-status');
  }

  async openTab(name: 'Timeline' | 'Intake' | 'Visit' | 'Tasks' | 'Evidence' | 'Examinations' | 'Outcome'): Promise<void> {
    const tab = this.page.getByRole('tab', { name });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /* Visit */

  get visitClock(): Locator {
    return this.page.getByTestId('visit-clock-state');
  }

  async dispatch(prosecutor: string): Promise<void> {
    const form = this.page.getByTestId('dispatch-form');
    await chooseOption(this.page, form.getByRole('combobox', { name: 'Prosecutor' }), new RegExp(prosecutor));
    await form.getByRole('button', { name: 'Dispatch' }).click();
    await expect(this.page.getByTestId('visit-dispatched')).toContainText(prosecutor);
  }

  async recordArrival(): Promise<void> {
    await this.page.getByTestId('arrival-form').getByRole('button', { name: 'Record arrival' }).click();
    await expect(this.visitClock).toContainText('On site since');
  }

  async recordFindings(findings: string): Promise<void> {
    const form = this.page.getByTestId('findings-form');
    await form.getByLabel('Findings on site').fill(findings);
    await form.getByRole('button', { name: 'Record findings' }).click();
    await expect(this.page.getByTestId('visit-findings')).toContainText(findings);
  }

  /* Tasks */

  get tasks(): Locator {
    return this.page.getByTestId('task');
  }

  task(title: string): Locator {
    return this.tasks.filter({ hasText: title });
  }

  async assignTask(task: {
    kind: string;
    title: string;
    details: string;
    agency: string | RegExp;
    person: string | RegExp;
    tier: string;
    /** Typed day first; the form's default (a few days ahead) otherwise. */
    due?: TypedMoment;
  }): Promise<void> {
    const form = this.page.getByTestId('task-form');
    await chooseOption(this.page, form.getByRole('combobox', { name: 'Kind of action' }), task.kind);
    await form.getByLabel('Title').fill(task.title);
    await form.getByLabel('Details').fill(task.details);
    await chooseOption(this.page, form.getByRole('combobox', { name: 'Assigned agency' }), task.agency);
    await chooseOption(this.page, form.getByRole('combobox', { name: 'Person' }), task.person);
    await chooseOption(this.page, form.getByRole('combobox', { name: 'Audience' }), task.tier);
    if (task.due) await fillDateTime(form.getByTestId('task-due'), task.due);
    await form.getByRole('button', { name: 'Assign the task' }).click();
    await expect(this.task(task.title)).toBeVisible();
  }

  async completeTask(title: string, result: string): Promise<void> {
    const task = this.task(title);
    await task.getByRole('button', { name: `Start the task “${title}”` }).click();
    await expect(task.getByTestId('task-status')).toHaveText('In progress');
    await task.getByRole('button', { name: `Complete the task “${title}”` }).click();
    await task.getByLabel('Result').fill(result);
    await task.getByRole('button', { name: 'Complete with this result' }).click();
    await expect(task.getByTestId('task-status')).toHaveText('Done');
  }

  /* Evidence */

  get evidence(): Locator {
    return this.page.getByTestId('evidence-item');
  }

  async upload(file: { name: string; mimeType: string; buffer: Buffer }, title: string, tier: string): Promise<void> {
    const form = this.page.getByTestId('evidence-upload');
    await form.getByLabel('File', { exact: true }).setInputFiles(file);
    await form.getByLabel('Title').fill(title);
    await chooseOption(this.page, form.getByRole('combobox', { name: 'Audience' }), tier);
    await form.getByRole('button', { name: 'Upload' }).click();
    await expect(this.evidence.filter({ hasText: title })).toBeVisible();
  }
}

/** `/my-work`. */
export class MyWorkPage {
  readonly tasks: Locator;

  constructor(private readonly page: Page) {
    this.tasks = page.getByTestId('my-task');
  }

  async openFromNav(): Promise<void> {
    await this.page.getByTestId('nav-my-work').click();
    await expect(this.page).toHaveURL(/\/my-work$/);
    await expect(this.page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  }

  task(title: string): Locator {
    return this.tasks.filter({ hasText: title });
  }
}
