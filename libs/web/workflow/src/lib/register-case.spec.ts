import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router } from '@angular/router';
import type { AgencyRef, ApiError, Case, CreateCaseRequest, Role } from '@vigil/contracts';
import { CasesApi, DirectoryApi, PlacesApi, Session } from '@vigil/web-data-access';
import { of, throwError } from 'rxjs';
import { RegisterCase } from './register-case';

const policeAgency: AgencyRef = { id: 'd0000000-0000-4000-8000-0000000000a1', name: 'Test City Police', kind: 'police' };

const refusal: ApiError = {
  statusCode: 400,
  code: 'VALIDATION',
  message: 'invalid report',
  details: [
    { field: 'victim.fullName', message: 'must be shorter than or equal to 300 characters' },
    { field: 'facility.kind', message: 'must be one of police_station, temporary_detention' },
    { field: 'intake.allegation.methods', message: 'each must be one of beating, threats' },
    { field: 'intake.implicated.agencyId', message: 'does not name an agency' },
  ],
};

describe('RegisterCase', () => {
  /** The form as a prosecutor sees it unless another role is given. */
  async function render(create: jest.Mock, role: Role = 'prosecutor') {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [RegisterCase],
      providers: [
        provideRouter([]),
        { provide: CasesApi, useValue: { create } },
        { provide: PlacesApi, useValue: { list: () => of([]) } },
        { provide: DirectoryApi, useValue: { agencies: () => of([policeAgency]) } },
        { provide: Session, useValue: { me: signal({ role }) } },
      ],
    });
    const fixture = TestBed.createComponent(RegisterCase);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const host = fixture.nativeElement as HTMLElement;
    const text = (testId: string) => host.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim();
    /** The error shown in the form field that holds the control with this test id. */
    const fieldError = (testId: string) =>
      host.querySelector(`[data-testid="${testId}"]`)?.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim();

    async function fill(): Promise<void> {
      await (
        await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="register-summary"]' }))
      ).setValue('Invented report: bruises after a night at a test station');
      await (
        await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="register-victim-name"]' }))
      ).setValue('Invented Person');
      await (
        await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="register-facility-name"]' }))
      ).setValue('Test Station No. 3');
      await (
        await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="register-facility-kind"]' }))
      ).clickOptions({
        text: 'Police station',
      });
      await (
        await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="register-source"]' }))
      ).clickOptions({
        text: 'Civil society',
      });
      await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Beating' }))).check();
      await (
        await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="register-implicated-agency"]' }))
      ).clickOptions({
        text: /Test City Police/,
      });
    }

    async function submit(): Promise<void> {
      (host.querySelector('[data-testid="register-submit"]') as HTMLButtonElement).click();
      await fixture.whenStable();
    }

    return { fixture, host, loader, text, fieldError, fill, submit };
  }

  it('sends the report in the shape of the request, the intake only with what was filled in', async () => {
    const create = jest.fn().mockReturnValue(of({ id: 'case-1', reference: 'TST-2026-000001' } as Case));
    const { fill, submit } = await render(create);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await fill();
    await submit();

    expect(create).toHaveBeenCalledWith({
      summary: 'Invented report: bruises after a night at a test station',
      source: 'civil_society',
      victim: { fullName: 'Invented Person' },
      facility: { name: 'Test Station No. 3', kind: 'police_station' },
      intake: { allegation: { methods: ['beating'] }, implicated: { agencyId: policeAgency.id } },
    } satisfies CreateCaseRequest);
    expect(navigate).toHaveBeenCalledWith(['/cases', 'case-1']);
  });

  it('validates as you type, before anything is sent', async () => {
    const create = jest.fn();
    const { loader, fieldError, submit } = await render(create);
    const name = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="register-victim-name"]' }));
    await name.setValue('x');
    await name.setValue('');
    expect(fieldError('register-victim-name')).toBe('Required');

    await submit();
    expect(create).not.toHaveBeenCalled();
    expect(fieldError('register-summary')).toBe('Required');
  });

  it("puts each of the server's field errors on its own control, by dotted path", async () => {
    const create = jest.fn().mockReturnValue(throwError(() => new HttpErrorResponse({ status: 400, error: refusal })));
    const { host, loader, fill, submit, fieldError, text } = await render(create);
    await fill();
    await submit();

    expect(create).toHaveBeenCalledTimes(1);
    expect(fieldError('register-victim-name')).toBe('must be shorter than or equal to 300 characters');
    expect(host.querySelector('[data-testid="register-victim-name"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(fieldError('register-facility-kind')).toBe('must be one of police_station, temporary_detention');
    expect(fieldError('register-implicated-agency')).toBe('does not name an agency');
    // Checkboxes have no form field: the message is announced as an alert under the group.
    const methods = host.querySelector('[data-testid="methods-error"]');
    expect(methods?.textContent?.trim()).toBe('each must be one of beating, threats');
    expect(methods?.getAttribute('role')).toBe('alert');
    // Fields the server did not name stay clean, and nothing is left unexplained.
    expect(fieldError('register-summary')).toBeUndefined();
    expect(text('form-problem')).toBe('Some fields need attention.');

    // Correcting the field clears the server's error on it.
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="register-victim-name"]' }))
    ).setValue('Invented P.');
    expect(fieldError('register-victim-name')).toBeUndefined();
  });

  it('shows a server error that names no known field as a problem of the whole form', async () => {
    const create = jest.fn().mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 400,
            error: {
              statusCode: 400,
              code: 'VALIDATION',
              message: 'bad',
              details: [{ field: 'extra', message: 'should not exist' }],
            },
          }),
      ),
    );
    const { fill, submit, text } = await render(create);
    await fill();
    await submit();
    expect(text('form-problem')).toBe('should not exist');
  });

  it('offers the implicated agency only to those who may name it', async () => {
    const { host } = await render(jest.fn(), 'observer');
    expect(host.querySelector('[data-testid="register-implicated-agency"]')).toBeNull();
    TestBed.resetTestingModule();
    const prosecutor = await render(jest.fn());
    expect(prosecutor.host.querySelector('[data-testid="register-implicated-agency"]')).not.toBeNull();
  });
});
