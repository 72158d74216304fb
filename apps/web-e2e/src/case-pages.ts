import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { Case, CreateCaseRequest, LoginResponse } from '@vigil/contracts';
import { DEMO_PASSWORD } from './pages';

/** An access token straight from the API, for arranging data without the UI. */
export async function apiToken(request: APIRequestContext, email: string, password: string = DEMO_PASSWORD): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email, password } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as LoginResponse).accessToken;
}

export async function createCase(request: APIRequestContext, token: string, body: CreateCaseRequest): Promise<Case> {
  const response = await request.post('/api/cases', { data: body, headers: { Authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(201);
  return (await response.json()) as Case;
}

export class CaseListPage {
  readonly rows: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId('case-row');
  }

  async goto(): Promise<void> {
    await this.page.goto('/cases');
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  row(reference: string): Locator {
    return this.rows.filter({ hasText: reference });
  }

  async open(reference: string): Promise<CaseRoomPage> {
    await this.row(reference).getByRole('link').click();
    await expect(this.page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    const room = new CaseRoomPage(this.page);
    await expect(room.reference).toHaveText(reference);
    return room;
  }
}

export class CaseRoomPage {
  readonly reference: Locator;
  readonly victim: Locator;
  readonly connection: Locator;
  readonly timeline: Locator;
  readonly messages: Locator;
  readonly input: Locator;
  readonly tierSelect: Locator;
  readonly audience: Locator;
  readonly members: Locator;
  readonly typing: Locator;

  constructor(private readonly page: Page) {
    this.reference = page.getByTestId('room-reference');
    this.victim = page.getByTestId('room-victim');
    this.connection = page.getByTestId('connection');
    this.timeline = page.getByRole('log', { name: 'Case timeline' });
    this.messages = this.timeline.getByTestId('message');
    this.input = page.getByRole('textbox', { name: 'Message' });
    this.tierSelect = page.getByRole('combobox', { name: 'Audience' });
    this.audience = page.getByTestId('tier-audience');
    this.members = page.getByTestId('member');
    this.typing = page.getByTestId('typing');
  }

  message(text: string): Locator {
    return this.messages.filter({ hasText: text });
  }

  async tierOptions(): Promise<string[]> {
    await this.tierSelect.click();
    const options = this.page.getByRole('listbox').getByRole('option');
    await expect(options.first()).toBeVisible();
    const texts = (await options.allInnerTexts()).map((text) => text.trim());
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByRole('listbox')).toBeHidden();
    return texts;
  }

  async chooseTier(label: string): Promise<void> {
    await this.tierSelect.click();
    await this.page.getByRole('listbox').getByRole('option', { name: label, exact: true }).click();
    await expect(this.page.getByRole('listbox')).toBeHidden();
  }

  /** Types the message and sends it with Enter, as a keyboard user would. */
  async post(body: string, tierLabel?: string): Promise<void> {
    if (tierLabel) {
      await this.chooseTier(tierLabel);
    }
    await this.input.fill(body);
    await this.input.press('Enter');
    await expect(this.input).toHaveValue('');
  }

  async edit(text: string, body: string): Promise<void> {
    await this.message(text).getByTestId('edit-message').click();
    const editor = this.page.getByRole('textbox', { name: 'Edit the message' });
    await editor.fill(body);
    await editor.press('Enter');
    await expect(editor).toBeHidden();
  }

  async redact(text: string, reason: string): Promise<void> {
    await this.message(text).getByTestId('redact-message').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Redact' }).click();
    await expect(dialog).toBeHidden();
  }
}
