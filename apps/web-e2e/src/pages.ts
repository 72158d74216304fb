import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'vigil-demo';

export interface DemoAccount {
  email: string;
  displayName: string;
  role: string;
  /** null: the header shows no agency (administrators). */
  agencyName: string | null;
  agencyKind: string | null;
}

/** The seeded demo city; role and kind as the English UI labels them. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'prosecutor@demo.vigil',
    displayName: 'Arman Tasov',
    role: 'Prosecutor',
    agencyName: "Shymkent City Prosecutor's Office",
    agencyKind: 'Prosecutor’s office',
  },
  {
    email: 'chief@demo.vigil',
    displayName: 'Gulnara Ermekova',
    role: 'Chief prosecutor',
    agencyName: "Shymkent City Prosecutor's Office",
    agencyKind: 'Prosecutor’s office',
  },
  {
    email: 'police@demo.vigil',
    displayName: 'Timur Ospanov',
    role: 'Police officer',
    agencyName: 'Shymkent City Police Department',
    agencyKind: 'Police',
  },
  {
    email: 'ombudsman@demo.vigil',
    displayName: 'Aigerim Nurova',
    role: 'Ombudsman',
    agencyName: "Human Rights Commissioner's Representative in Shymkent",
    agencyKind: 'Ombudsman’s office',
  },
  {
    email: 'observer@demo.vigil',
    displayName: 'Dana Kairatova',
    role: 'Observer',
    agencyName: 'Shymkent Public Monitoring Group',
    agencyKind: 'Civil society',
  },
  {
    email: 'admin@demo.vigil',
    displayName: 'System Administrator',
    role: 'Administrator',
    agencyName: null,
    agencyKind: null,
  },
];

export function demoAccount(email: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === email);
  if (!account) {
    throw new Error(`no demo account ${email}`);
  }
  return account;
}

export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.email = page.locator('vigil-sign-in input[type="email"]');
    this.password = page.locator('vigil-sign-in input[type="password"]');
    this.submit = page.locator('vigil-sign-in button[type="submit"]');
    this.error = page.getByTestId('sign-in-error');
  }

  async goto(): Promise<void> {
    await this.page.goto('/sign-in');
    await expect(this.submit).toBeVisible();
  }

  async signIn(email: string, password: string = DEMO_PASSWORD): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}

export class ShellPage {
  readonly userName: Locator;
  readonly userRole: Locator;
  readonly agencyName: Locator;
  readonly agencyKind: Locator;
  readonly signOutButton: Locator;
  readonly welcome: Locator;

  constructor(private readonly page: Page) {
    const user = page.getByTestId('current-user');
    this.userName = user.getByTestId('user-name');
    this.userRole = user.getByTestId('user-role');
    this.agencyName = user.getByTestId('agency-name');
    this.agencyKind = user.getByTestId('agency-kind');
    this.signOutButton = page.getByTestId('sign-out');
    this.welcome = page.getByTestId('welcome');
  }

  /** The switch names each language in itself: English, Русский, Қазақша. */
  async chooseLanguage(name: 'English' | 'Русский' | 'Қазақша'): Promise<void> {
    await this.page.getByRole('radio', { name }).click();
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
  }
}

export class AdminPage {
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog');
  }

  async openAgencies(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Agencies' }).click();
    await expect(this.page).toHaveURL(/\/admin\/agencies$/);
  }

  async openAccounts(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Accounts' }).click();
    await expect(this.page).toHaveURL(/\/admin\/accounts$/);
  }

  agencyRow(name: string): Locator {
    return this.page.getByTestId('agency-row').filter({ hasText: name });
  }

  accountRow(email: string): Locator {
    return this.page.getByTestId('account-row').filter({ hasText: email });
  }

  async createAgency(name: string, kindLabel: string): Promise<void> {
    await this.page.getByTestId('new-agency').click();
    await this.dialog.getByLabel('Name in English').fill(name);
    await this.chooseOption(this.dialog.getByRole('combobox', { name: 'Kind' }), kindLabel);
    await this.dialog.getByRole('button', { name: 'Create' }).click();
    await expect(this.dialog).toBeHidden();
  }

  async startAccount(email: string, displayName: string, password: string): Promise<void> {
    await this.page.getByTestId('new-account').click();
    // The dialog focuses its first field once it has opened; typing before that lands in the wrong field.
    await expect(this.dialog.getByLabel('Email')).toBeFocused();
    await this.dialog.getByLabel('Email').fill(email);
    await this.dialog.getByLabel('Display name').fill(displayName);
    await this.dialog.getByLabel('Password').fill(password);
  }

  get agencySelect(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Agency' });
  }

  get roleSelect(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Role' });
  }

  /** The option texts a select offers; the panel is closed again afterwards. */
  async optionsOf(select: Locator): Promise<string[]> {
    await select.click();
    const options = this.page.getByRole('listbox').getByRole('option');
    await expect(options.first()).toBeVisible();
    const texts = (await options.allInnerTexts()).map((text) => text.trim());
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByRole('listbox')).toBeHidden();
    return texts;
  }

  async chooseOption(select: Locator, name: string | RegExp): Promise<void> {
    await select.click();
    await this.page.getByRole('listbox').getByRole('option', { name, exact: typeof name === 'string' }).click();
    await expect(this.page.getByRole('listbox')).toBeHidden();
  }
}

/** A moment as a person types it: the day first (`07.12.2026`) and a 24-hour time (`22:00`). */
export interface TypedMoment {
  date: string;
  time: string;
}

/**
 * Fills a `<vigil-date-time-field>` (a group named by its label) as a person would: the date typed
 * day first, then the time chosen from the picker's list of times when it offers it (the half
 * hours), else typed.
 */
export async function fillDateTime(field: Locator, moment: TypedMoment): Promise<void> {
  const date = field.locator('input[data-part="date"]');
  const time = field.locator('input[data-part="time"]');
  await date.fill(moment.date);
  await date.press('Tab');
  if (/^\d\d:(00|30)$/.test(moment.time)) {
    await field.locator('mat-timepicker-toggle button').click();
    const list = field.page().getByRole('listbox');
    await list.getByRole('option', { name: moment.time, exact: true }).click();
    await expect(list).toBeHidden();
  } else {
    await time.fill(moment.time);
  }
  await expect(time).toHaveValue(moment.time);
}
