import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import type { Agency, Unit } from '@vigil/contracts';
import { AdminApi } from '@vigil/web-data-access';
import { of, throwError } from 'rxjs';
import { UnitsDialog } from './units-dialog';

const agency: Agency = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Riverside Police Unit',
  kind: 'police',
  disabled: false,
  createdAt: '2026-01-10T09:00:00.000Z',
};
const unit = (id: string, name: string): Unit => ({ id, name, agencyId: agency.id, createdAt: '2026-01-10T09:00:00.000Z' });

describe('UnitsDialog', () => {
  let held: Unit[];
  let api: { units: jest.Mock; createUnit: jest.Mock; renameUnit: jest.Mock };

  async function open() {
    localStorage.clear();
    api = { units: jest.fn(() => of(held)), createUnit: jest.fn(), renameUnit: jest.fn() };
    TestBed.configureTestingModule({
      imports: [UnitsDialog],
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: { agency } },
        { provide: AdminApi, useValue: api },
      ],
    });
    const fixture = TestBed.createComponent(UnitsDialog);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const names = () => Array.from(host.querySelectorAll('[data-testid="unit-name"]')).map((element) => element.textContent?.trim());
    const type = (testId: string, value: string) => {
      const input = host.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const click = (testId: string) => (host.querySelector(`[data-testid="${testId}"]`) as HTMLButtonElement).click();
    return { fixture, host, names, type, click };
  }

  beforeEach(() => {
    TestBed.resetTestingModule();
    held = [unit('u2', 'Patrol Unit 3'), unit('u1', 'Detention Block')];
  });

  it("lists the agency's units by name", async () => {
    const { names, host } = await open();
    expect(api.units).toHaveBeenCalledWith(agency.id);
    expect(names()).toEqual(['Detention Block', 'Patrol Unit 3']);
    expect(host.textContent).toContain('Units of Riverside Police Unit');
  });

  it('adds a unit, shows it, and leaves a clean field for the next', async () => {
    const { fixture, names, type, click, host } = await open();
    api.createUnit.mockImplementation((_agencyId: string, request: { name: string }) => {
      held = [...held, unit('u3', request.name)];
      return of(held[held.length - 1]);
    });
    type('unit-add-input', '  Investigations  ');
    click('unit-add');
    await fixture.whenStable();

    expect(api.createUnit).toHaveBeenCalledWith(agency.id, { name: 'Investigations' });
    expect(names()).toEqual(['Detention Block', 'Investigations', 'Patrol Unit 3']);
    expect((host.querySelector('[data-testid="unit-add-input"]') as HTMLInputElement).value).toBe('');
    expect(host.querySelector('mat-error')).toBeNull();
  });

  it('renames a unit', async () => {
    const { fixture, names, type, click } = await open();
    api.renameUnit.mockImplementation((_agencyId: string, unitId: string, request: { name: string }) => {
      held = held.map((candidate) => (candidate.id === unitId ? { ...candidate, name: request.name } : candidate));
      return of(held.find((candidate) => candidate.id === unitId));
    });
    click('unit-rename');
    await fixture.whenStable();
    type('unit-rename-input', 'Custody Block');
    click('unit-rename-save');
    await fixture.whenStable();

    expect(api.renameUnit).toHaveBeenCalledWith(agency.id, 'u1', { name: 'Custody Block' });
    expect(names()).toEqual(['Custody Block', 'Patrol Unit 3']);
  });

  it('says in the UI language that a name is taken', async () => {
    const { fixture, type, click, host } = await open();
    api.createUnit.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: { statusCode: 409, code: 'CONFLICT', message: 'taken', details: [{ field: 'name', message: 'is taken' }] },
          }),
      ),
    );
    type('unit-add-input', 'patrol unit 3');
    click('unit-add');
    await fixture.whenStable();

    expect(host.querySelector('mat-error')?.textContent).toContain('This agency already has a unit with this name');
  });
});
