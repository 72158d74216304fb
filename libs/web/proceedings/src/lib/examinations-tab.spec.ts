import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Examination, Me } from '@vigil/contracts';
import { CaseRoomStore, ProceedingsApi } from '@vigil/web-data-access';
import { of, throwError } from 'rxjs';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { ExaminationsTab } from './examinations-tab';

const agency = { id: 'i0000000-0000-4000-8000-0000000000a1', name: 'Test Prosecution Office', kind: 'prosecutor' } as const;
const person = (role: Me['role']): Me => ({ id: 'i0000000-0000-4000-8000-000000000001', email: 'p@example.test', displayName: 'Test Person', role, agency });

const examination: Examination = {
  id: 'i0000000-0000-4000-8000-0000000000e1',
  caseId: 'case-1',
  type: 'forensic_medical',
  institution: 'Test Forensic Bureau',
  dueAt: '2026-03-05T10:00:00.000Z',
  tier: 'oversight',
  status: 'appointed',
  consent: { given: true, recordedAt: '2026-03-01T10:00:00.000Z', note: null },
  noImplicatedOfficerPresent: null,
  conclusion: null,
  conclusionNotes: null,
  appointedBy: { userId: 'i0000000-0000-4000-8000-000000000001', displayName: 'Test Person' },
  appointedAt: '2026-03-01T10:00:00.000Z',
  completedAt: null,
};

const settle = async () => {
  for (let round = 0; round < 5; round += 1) {
    await new Promise((resolve) => setTimeout(resolve));
  }
};

describe('ExaminationsTab', () => {
  async function render(role: Me['role'], api: Partial<Record<keyof ProceedingsApi, jest.Mock>>) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ExaminationsTab],
      providers: [
        { provide: CaseRoomStore, useValue: { me: signal(person(role)), changeMark: () => signal(0) } },
        { provide: ProceedingsApi, useValue: api },
      ],
    });
    const fixture = TestBed.createComponent(ExaminationsTab);
    fixture.componentRef.setInput('caseId', 'case-1');
    await settle();
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('tells the police the examinations are not available at their clearance, without asking the server', async () => {
    const examinations = jest.fn();
    const { host } = await render('police', { examinations });
    expect(examinations).not.toHaveBeenCalled();
    expect(host.querySelector('[data-testid="not-available"]')?.textContent?.trim()).toBe('Not available at your clearance.');
  });

  it('lists what completing still lacks when the server refuses it', async () => {
    const updateExamination = jest.fn().mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: {
              statusCode: 409,
              code: 'CONFLICT',
              message: 'The examination cannot be completed yet',
              details: [
                { field: 'conclusion', message: 'is required to complete the examination' },
                { field: 'noImplicatedOfficerPresent', message: 'must be confirmed (true) to complete the examination' },
              ],
            },
          }),
      ),
    );
    const { fixture, host } = await render('prosecutor', { examinations: jest.fn().mockReturnValue(of([examination])), updateExamination });
    (host.querySelector('[data-testid="conclude-examination"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    (host.querySelector('[data-testid="complete-examination"]') as HTMLButtonElement).click();
    await settle();
    await fixture.whenStable();

    expect(updateExamination).toHaveBeenCalledWith('case-1', examination.id, { status: 'completed' });
    const missing = host.querySelector('[data-testid="examination-missing"]');
    expect(missing?.getAttribute('role')).toBe('alert');
    expect(Array.from(missing?.querySelectorAll('li') ?? []).map((item) => item.textContent?.trim())).toEqual([
      'record a conclusion on the Istanbul Protocol scale',
      'confirm that no officer of the implicated agency was present',
    ]);
  });

  it('starts the appointment form clean after an appointment: no field turns red with "Required"', async () => {
    const appointExamination = jest.fn().mockReturnValue(of(examination));
    const { fixture, host } = await render('prosecutor', { examinations: jest.fn().mockReturnValue(of([])), appointExamination });
    const form = host.querySelector('[data-testid="appoint-form"]') as HTMLElement;
    const type = (selector: string, value: string) => {
      const input = form.querySelector(selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const typeSelect = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness.with({ selector: '[data-testid="examination-type"]' }));
    await typeSelect.clickOptions({ text: /Forensic/ });
    type('[formcontrolname="institution"]', 'Test Forensic Bureau');
    type('[formcontrolname="dueAt"] [data-part="date"]', '05/03/2099');
    type('[formcontrolname="dueAt"] [data-part="time"]', '10:00');
    (host.querySelector('[data-testid="appoint-examination"]') as HTMLButtonElement).click();
    await settle();
    await fixture.whenStable();

    expect(appointExamination).toHaveBeenCalledWith('case-1', expect.objectContaining({ institution: 'Test Forensic Bureau' }));
    expect((form.querySelector('[formcontrolname="institution"]') as HTMLInputElement).value).toBe('');
    expect((form.querySelector('[formcontrolname="consentRecordedAt"] [data-part="date"]') as HTMLInputElement).value).not.toBe('');
    expect(form.querySelectorAll('.mat-form-field-invalid, mat-error')).toHaveLength(0);
  });
});
