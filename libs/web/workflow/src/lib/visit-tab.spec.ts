import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Case, Me, Visit } from '@vigil/contracts';
import { CaseRoomStore, DirectoryApi, WorkflowApi } from '@vigil/web-data-access';
import { of } from 'rxjs';
import { VISIT_WARNING_MS, visitClockState, VisitTab } from './visit-tab';

const now = Date.parse('2026-03-01T12:00:00.000Z');
const hours = (count: number) => new Date(now + count * 3_600_000).toISOString();

describe('visitClockState', () => {
  it('runs, warns near the deadline, and is overdue past it until someone arrives', () => {
    expect(visitClockState({ dueAt: hours(5), overdue: false, arrivedAt: null }, now)).toBe('running');
    expect(visitClockState({ dueAt: new Date(now + VISIT_WARNING_MS).toISOString(), overdue: false, arrivedAt: null }, now)).toBe(
      'near',
    );
    expect(visitClockState({ dueAt: hours(-1), overdue: false, arrivedAt: null }, now)).toBe('overdue');
    expect(visitClockState({ dueAt: hours(3), overdue: true, arrivedAt: null }, now)).toBe('overdue');
    expect(visitClockState({ dueAt: hours(-1), overdue: false, arrivedAt: hours(-2) }, now)).toBe('arrived');
  });
});

describe('VisitTab', () => {
  const ombudsman: Me = {
    id: 'g0000000-0000-4000-8000-000000000001',
    email: 'ombudsman@example.test',
    displayName: 'Test Ombudsman',
    role: 'ombudsman',
    agency: { id: 'g0000000-0000-4000-8000-0000000000a1', name: 'Test Ombudsman Office', kind: 'ombudsman' },
  };

  let stable: () => Promise<unknown>;

  async function render(visit: Visit, me: Me = ombudsman, workflow: Record<string, unknown> = {}) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [VisitTab],
      providers: [
        {
          provide: CaseRoomStore,
          useValue: {
            me: signal(me),
            record: signal({ status: 'registered' } as Case),
            changeMark: () => signal(0),
          },
        },
        { provide: WorkflowApi, useValue: { visit: () => of(visit), ...workflow } },
        { provide: DirectoryApi, useValue: { people: () => of([]) } },
      ],
    });
    const fixture = TestBed.createComponent(VisitTab);
    fixture.componentRef.setInput('caseId', 'case-1');
    await fixture.whenStable();
    stable = () => fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows an overdue visit as an alarm, with how late it is', async () => {
    const host = await render({
      dueAt: new Date(Date.now() - 90 * 60_000).toISOString(),
      overdue: true,
      dispatchedAt: null,
      prosecutor: null,
      arrivedAt: null,
      findings: null,
      findingsAt: null,
    });
    const clock = host.querySelector('[data-testid="visit-clock"]');
    expect(clock?.getAttribute('data-state')).toBe('overdue');
    const state = host.querySelector('[data-testid="visit-clock-state"]');
    expect(state?.getAttribute('role')).toBe('status');
    expect(state?.textContent?.replace(/\s+/g, ' ').trim()).toMatch(/^Visit overdue late by 1 h 3\d min$/);
    // Only prosecutors dispatch and record the visit.
    expect(host.querySelector('[data-testid="dispatch-form"]')).toBeNull();
  });

  it('tells a viewer below the oversight tier that the findings are not for them', async () => {
    const police: Me = { ...ombudsman, role: 'police', agency: { ...ombudsman.agency, kind: 'police' } };
    const host = await render(
      { dueAt: hours(24), overdue: false, dispatchedAt: null, prosecutor: null, arrivedAt: null, findingsAt: null },
      police,
    );
    expect(host.querySelector('[data-testid="visit-findings"]')?.textContent?.trim()).toBe('Not available at your clearance.');
  });

  it('starts the findings form clean after they are recorded: no field turns red with "Required"', async () => {
    const prosecutor: Me = { ...ombudsman, role: 'prosecutor', agency: { ...ombudsman.agency, kind: 'prosecutor' } };
    const arrived: Visit = {
      dueAt: hours(24),
      overdue: false,
      dispatchedAt: hours(-2),
      prosecutor: null,
      arrivedAt: hours(-1),
      findings: null,
      findingsAt: null,
    };
    const recordFindings = jest.fn().mockReturnValue(of(arrived));
    const host = await render(arrived, prosecutor, { recordFindings });
    const input = host.querySelector('[data-testid="findings-input"]') as HTMLTextAreaElement;
    input.value = 'Bruises on both wrists, photographed';
    input.dispatchEvent(new Event('input'));
    (host.querySelector('[data-testid="record-findings"]') as HTMLButtonElement).click();
    await stable();

    expect(recordFindings).toHaveBeenCalledWith('case-1', { findings: 'Bruises on both wrists, photographed' });
    expect(input.value).toBe('');
    const form = host.querySelector('[data-testid="findings-form"]') as HTMLElement;
    expect(form.querySelectorAll('.mat-form-field-invalid, mat-error')).toHaveLength(0);
  });
});
