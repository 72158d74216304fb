import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ApiError, Me } from '@vigil/contracts';
import { CaseRoomStore, DirectoryApi, EvidenceApi } from '@vigil/web-data-access';
import { LANGUAGE_STORAGE_KEY } from '@vigil/web-i18n';
import { of, throwError } from 'rxjs';
import { EvidenceTab } from './evidence-tab';

const police: Me = {
  id: 'h0000000-0000-4000-8000-000000000001',
  email: 'officer@example.test',
  displayName: 'Test Officer',
  role: 'police',
  agency: { id: 'h0000000-0000-4000-8000-0000000000a1', name: 'Test City Police', kind: 'police' },
};

const settle = async () => {
  for (let round = 0; round < 5; round += 1) {
    await new Promise((resolve) => setTimeout(resolve));
  }
};

describe('EvidenceTab', () => {
  beforeEach(() => localStorage.clear());

  async function render(add: jest.Mock) {
    TestBed.configureTestingModule({
      imports: [EvidenceTab],
      providers: [
        { provide: CaseRoomStore, useValue: { me: signal(police), changeMark: () => signal(0) } },
        { provide: EvidenceApi, useValue: { list: () => of([]), add } },
        { provide: DirectoryApi, useValue: { agencies: () => of([]) } },
      ],
    });
    const fixture = TestBed.createComponent(EvidenceTab);
    fixture.componentRef.setInput('caseId', 'case-1');
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;

    async function upload(): Promise<void> {
      const input = host.querySelector('[data-testid="evidence-file"]') as HTMLInputElement;
      const file = new File(['MZ not a picture'], 'photo.jpg', { type: 'image/jpeg' });
      Object.defineProperty(input, 'files', { value: [file] });
      input.dispatchEvent(new Event('change'));
      const title = host.querySelector('[data-testid="evidence-title"]') as HTMLInputElement;
      title.value = 'Photo of the cell';
      title.dispatchEvent(new Event('input'));
      (host.querySelector('[data-testid="evidence-submit"]') as HTMLButtonElement).click();
      await settle();
      await fixture.whenStable();
    }
    const text = (testId: string) => host.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim();
    return { host, upload, text };
  }

  const refusal = (status: number, error: ApiError) => throwError(() => new HttpErrorResponse({ status, error }));

  it('offers only the tiers the uploader reads, the narrowest by default', async () => {
    const { host } = await render(jest.fn());
    expect(host.querySelector('[data-testid="evidence-tier"]')?.textContent?.trim()).toBe('State');
  });

  it('says plainly that a file is too large, next to the file', async () => {
    const add = jest.fn().mockReturnValue(
      refusal(413, { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The file is larger than the limit of 25 MiB' }),
    );
    const { host, upload, text } = await render(add);
    await upload();
    expect(add).toHaveBeenCalledWith('case-1', expect.any(File), { title: 'Photo of the cell', tier: 'state' });
    expect(text('evidence-file-error')).toBe('The file is larger than the limit of 25 MiB');
    expect(host.querySelector('[data-testid="evidence-file-error"]')?.getAttribute('role')).toBe('alert');
    expect(host.querySelector('[data-testid="evidence-file"]')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a refused file type on the file, and other field errors on their fields', async () => {
    const add = jest.fn().mockReturnValue(
      refusal(400, {
        statusCode: 400,
        code: 'VALIDATION',
        message: 'invalid',
        details: [
          { field: 'file', message: 'type not allowed: only JPEG, PNG, PDF' },
          { field: 'title', message: 'must be shorter' },
        ],
      }),
    );
    const { host, upload, text } = await render(add);
    await upload();
    expect(text('evidence-file-error')).toBe('type not allowed: only JPEG, PNG, PDF');
    expect(host.querySelector('[data-testid="evidence-title"]')?.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim()).toBe(
      'must be shorter',
    );
  });

  it('asks for a file before sending anything', async () => {
    const add = jest.fn();
    const { host, text } = await render(add);
    (host.querySelector('[data-testid="evidence-submit"]') as HTMLButtonElement).click();
    await settle();
    expect(add).not.toHaveBeenCalled();
    expect(text('evidence-file-error')).toBe('Choose a file');
  });

  it('starts clean after an upload: no field turns red with "Required", the file chooser is empty', async () => {
    const add = jest.fn().mockReturnValue(of({ id: 'evidence-1' }));
    const { host, upload } = await render(add);
    await upload();
    expect(add).toHaveBeenCalledTimes(1);
    expect((host.querySelector('[data-testid="evidence-title"]') as HTMLInputElement).value).toBe('');
    expect((host.querySelector('[data-testid="evidence-file"]') as HTMLInputElement).value).toBe('');
    const form = host.querySelector('[data-testid="evidence-upload"]') as HTMLElement;
    expect(form.querySelectorAll('.mat-form-field-invalid, mat-error, [data-testid="evidence-file-error"]')).toHaveLength(0);
    expect(host.querySelector('[data-testid="evidence-tier"]')?.textContent?.trim()).toBe('State');
  });

  it('says a refused file in the UI language, never in the English of the server', async () => {
    const add = jest.fn().mockReturnValue(
      refusal(400, { statusCode: 400, code: 'VALIDATION', message: 'invalid', details: [{ field: 'file', message: 'type not allowed: only JPEG, PNG, PDF' }] }),
    );
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'ru');
    const { upload, text } = await render(add);
    await upload();
    expect(text('evidence-file-error')).toBe('Это значение не принято.');
  });
});
