import AxeBuilder from '@axe-core/playwright';
import {
  expect,
  test,
  type Browser,
  type Locator,
  type Page,
} from '@playwright/test';
import {
  expectNoEnglish,
  ServerWords,
  words,
  type UiLanguage,
} from './english';
import { demoAccount, SignInPage } from './pages';
import { chooseOption } from './workflow-pages';

/**
 * The whole journey of issue 18, as new users would take it: a prosecutor registers a report and
 * brings the police, the ombudsman and the observer into the case from the UI; each of them opens
 * it in their own browser and language, does something their role may do, and meets a refusal of
 * the server. On every screen: no English left, and no serious or critical axe violation.
 */

interface Journey {
  language: UiLanguage;
  size: string;
  viewport: { width: number; height: number };
}

const JOURNEYS: readonly Journey[] = [
  { language: 'kk', size: 'desktop', viewport: { width: 1280, height: 800 } },
  { language: 'ru', size: 'phone', viewport: { width: 390, height: 844 } },
];

/** Invented data, typed by the users in their language. */
const DATA: Readonly<
  Record<
    UiLanguage,
    {
      summary: string;
      victim: string;
      facility: string;
      said: Record<string, string>;
    }
  >
> = {
  kk: {
    summary: 'Ұсталған адам жауап алу кезінде соққыға жығылғанын хабарлады',
    victim: 'Әсел Ойдан',
    facility: 'Ойдан шығарылған бөлім №7',
    said: {
      prosecutor: 'Полиция мен омбудсменге: куәгерлерді анықтаңыздар',
      police: 'Күзет журналы тексерілді',
      ombudsman: 'Сот-медициналық сараптама қажет',
      observer: 'Біз ұсталған адамның туыстарымен сөйлестік',
    },
  },
  ru: {
    summary: 'Задержанный сообщил, что его избили во время допроса',
    victim: 'Асель Вымышленная',
    facility: 'Вымышленный отдел №7',
    said: {
      prosecutor: 'Полиции и омбудсмену: установите свидетелей',
      police: 'Журнал дежурной части проверен',
      ombudsman: 'Нужна судебно-медицинская экспертиза',
      observer: 'Мы поговорили с родственниками задержанного',
    },
  },
};

/** A file the server refuses whatever its name says: its bytes are none of the accepted types. */
const NOT_EVIDENCE = {
  name: 'scan.bin',
  mimeType: 'application/octet-stream',
  buffer: Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x00]),
};

/** Where the app keeps the reader's language (the web's `LANGUAGE_STORAGE_KEY`). */
const LANGUAGE_STORAGE_KEY = 'vigil.language';

const PEOPLE = [
  'prosecutor@demo.vigil',
  'police@demo.vigil',
  'ombudsman@demo.vigil',
  'observer@demo.vigil',
] as const;
const NAMES = PEOPLE.map((email) => demoAccount(email).displayName);

/** The screens axe has looked at, by kind, language and size. */
const AXED = new Set<string>();

/** One person in their own browser, in their language, watched for English and for axe violations. */
class Person {
  private constructor(
    readonly page: Page,
    private readonly journey: Journey,
    private readonly server: ServerWords,
    private readonly allowed: string[],
  ) {}

  static async signIn(
    browser: Browser,
    journey: Journey,
    email: string,
    allowed: string[],
  ): Promise<Person> {
    const context = await browser.newContext({ viewport: journey.viewport });
    // The language chosen before: the app opens in it from the first screen.
    await context.addInitScript(
      ([key, language]) => localStorage.setItem(key, language),
      [LANGUAGE_STORAGE_KEY, journey.language],
    );
    const page = await context.newPage();
    const person = new Person(
      page,
      journey,
      new ServerWords(page, journey.language),
      allowed,
    );
    const signIn = new SignInPage(page);
    await signIn.goto();
    await expect(signIn.submit).toHaveText(
      words(journey.language, 'signIn.submit'),
    );
    await person.look('sign-in');
    await signIn.signIn(email);
    await page.waitForURL(/\/cases$/);
    await expect(page.getByTestId('case-row').first()).toBeVisible();
    await person.look('case list');
    return person;
  }

  t(
    ...args: Parameters<typeof words> extends [unknown, ...infer Rest]
      ? Rest
      : never
  ): string {
    return words(this.journey.language, ...args);
  }

  /**
   * The screen as it is now: no English on it, nothing serious for axe. Axe looks at each kind of
   * screen once a journey (it takes seconds); the words are read on every screen.
   */
  async look(where: string): Promise<void> {
    await expect(this.page.locator('mat-progress-bar')).toHaveCount(0);
    const label = `${where} (${this.journey.language}, ${this.journey.size})`;
    await expectNoEnglish(this.page, this.journey.language, label, {
      allowed: this.allowed,
      server: this.server,
    });
    if (AXED.has(label)) {
      return;
    }
    AXED.add(label);
    const results = await new AxeBuilder({ page: this.page }).analyze();
    const serious = results.violations
      .filter(
        (violation) =>
          violation.impact === 'serious' || violation.impact === 'critical',
      )
      .map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    expect(serious, `axe, ${label}`).toEqual([]);
  }

  async openCase(reference: string): Promise<void> {
    await this.page
      .getByTestId('case-row')
      .filter({ hasText: reference })
      .getByRole('link')
      .first()
      .click();
    await expect(this.page.getByTestId('room-reference')).toHaveText(reference);
    await this.look('case room');
  }

  async openTab(tab: 'timeline' | 'evidence'): Promise<void> {
    const link = this.page.locator(
      `[data-testid="case-tab"][data-tab="${tab}"]`,
    );
    // By the keyboard: on a phone the tab bar scrolls sideways under the finger.
    await link.focus();
    await link.press('Enter');
    await expect(link).toHaveAttribute('aria-selected', 'true');
  }

  /** Posts to the room at a tier, by the keyboard. */
  async post(
    body: string,
    tier: 'room' | 'state' | 'oversight',
  ): Promise<void> {
    await this.openTab('timeline');
    const select = this.page.getByTestId('tier-select');
    await chooseOption(this.page, select, this.t(`tier.${tier}`));
    const input = this.page.getByTestId('composer-input');
    await input.fill(body);
    await input.press('Enter');
    await expect(input).toHaveValue('');
    const sent = this.page.getByTestId('message').filter({ hasText: body });
    await expect(sent.locator(`[data-tier="${tier}"]`)).toBeVisible();
    await this.look(`after posting at ${tier}`);
  }

  /** Offers the server a file it refuses: the refusal is said in the user's language. */
  async uploadRefusedFile(title: string): Promise<void> {
    await this.openTab('evidence');
    const form = this.page.getByTestId('evidence-upload');
    await expect(form).toBeVisible();
    await this.look('evidence');
    await form.getByTestId('evidence-file').setInputFiles(NOT_EVIDENCE);
    await form.getByTestId('evidence-title').fill(title);
    await form.getByTestId('evidence-submit').click();
    await expect(form).toContainText(this.t('rule.file_type'));
    await this.look('evidence refused');
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}

async function choose(
  page: Page,
  select: Locator,
  option: string,
): Promise<void> {
  await chooseOption(page, select, option);
}

for (const journey of JOURNEYS) {
  test(`every agency works a case end to end, in ${journey.language} at ${journey.size} size`, async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const data = DATA[journey.language];
    const allowed = [
      ...NAMES,
      data.summary,
      data.victim,
      data.facility,
      ...Object.values(data.said),
    ];

    // The prosecutor registers the report.
    const prosecutor = await Person.signIn(
      browser,
      journey,
      'prosecutor@demo.vigil',
      allowed,
    );
    const page = prosecutor.page;
    await page.getByTestId('register-report').click();
    await expect(page).toHaveURL(/\/cases\/new$/);
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: prosecutor.t('register.title'),
      }),
    ).toBeVisible();
    await prosecutor.look('registration');
    await page.getByTestId('register-summary').fill(data.summary);
    await page
      .locator('[data-testid="register-method"][data-method="beating"]')
      .click();
    await page.getByTestId('register-victim-name').fill(data.victim);
    await page.getByTestId('register-facility-name').fill(data.facility);
    await choose(
      page,
      page.getByTestId('register-facility-kind'),
      prosecutor.t('facilityKind.police_station'),
    );
    await choose(
      page,
      page.getByTestId('register-source'),
      prosecutor.t('caseSource.relative'),
    );
    await page.getByTestId('register-submit').click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    const reference = (
      await page.getByTestId('room-reference').innerText()
    ).trim();
    allowed.push(reference);
    await prosecutor.look('new case');

    // … and brings the other agencies in, from the directory.
    await page.getByTestId('open-add-member').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('directory-entry').first()).toBeVisible();
    await prosecutor.look('add members');
    for (const email of PEOPLE.slice(1)) {
      const name = demoAccount(email).displayName;
      await dialog.getByTestId('member-search').fill(name);
      await dialog
        .getByTestId('directory-entry')
        .filter({ hasText: name })
        .getByTestId('add-member')
        .click();
      await expect(dialog.getByTestId('member-added')).toContainText(name);
    }
    await prosecutor.look('members added');
    await dialog.getByTestId('close-add-member').click();
    await expect(dialog).toBeHidden();
    for (const name of NAMES) {
      await expect(
        page.getByTestId('member').filter({ hasText: name }),
      ).toBeVisible();
    }
    await prosecutor.post(data.said['prosecutor'], 'state');
    await prosecutor.uploadRefusedFile('Сурет / Фото');

    // Each agency works the case in its own browser.
    const roles = [
      { email: 'police@demo.vigil', said: data.said['police'], tier: 'state' },
      {
        email: 'ombudsman@demo.vigil',
        said: data.said['ombudsman'],
        tier: 'oversight',
      },
      {
        email: 'observer@demo.vigil',
        said: data.said['observer'],
        tier: 'room',
      },
    ] as const;
    for (const role of roles) {
      const person = await Person.signIn(browser, journey, role.email, allowed);
      await person.openCase(reference);
      await expect(
        person.page
          .getByTestId('message')
          .filter({ hasText: data.said['prosecutor'] }),
      ).toHaveCount(role.tier === 'room' ? 0 : 1);
      await person.post(role.said, role.tier);
      await person.uploadRefusedFile('Сурет / Фото');
      await person.close();
    }

    // The prosecutor saw it all arrive live.
    await prosecutor.openTab('timeline');
    for (const role of roles) {
      await expect(
        page.getByTestId('message').filter({ hasText: role.said }),
      ).toBeVisible();
    }
    await prosecutor.close();
  });
}
