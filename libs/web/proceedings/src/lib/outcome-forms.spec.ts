import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { signal, type Type } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { AgencyRef, Me } from '@vigil/contracts';
import { CaseRoomStore, ProceedingsApi } from '@vigil/web-data-access';
import { of } from 'rxjs';
import { MeasuresSection } from './measures-section';
import { ResponsibleSection } from './responsible-section';

const agency: AgencyRef = { id: 'j0000000-0000-4000-8000-0000000000a1', name: 'Test Prosecution Office', kind: 'prosecutor' };
const prosecutor: Me = { id: 'j0000000-0000-4000-8000-000000000001', email: 'p@example.test', displayName: 'Test Prosecutor', role: 'prosecutor', agency };

const settle = async () => {
  for (let round = 0; round < 5; round += 1) {
    await new Promise((resolve) => setTimeout(resolve));
  }
};

/** The outcome's forms, filled and saved as a prosecutor would: after a save each starts clean. */
describe('Outcome forms', () => {
  async function render<T>(component: Type<T>, api: Partial<Record<keyof ProceedingsApi, jest.Mock>>) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [component],
      providers: [
        { provide: CaseRoomStore, useValue: { me: signal(prosecutor), changeMark: () => signal(0) } },
        { provide: ProceedingsApi, useValue: api },
      ],
    });
    const fixture: ComponentFixture<T> = TestBed.createComponent(component);
    fixture.componentRef.setInput('caseId', 'case-1');
    fixture.componentRef.setInput('agencies', [agency]);
    await settle();
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    /** Types into a field; `part` picks the date or the time of a date-time field. */
    const type = (name: string, value: string, part?: 'date' | 'time') => {
      const input = host.querySelector(`[formcontrolname="${name}"]${part ? ` [data-part="${part}"]` : ''}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const choose = async (name: string, text: string) =>
      (await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness.with({ selector: `[formcontrolname="${name}"]` }))).clickOptions({ text });
    const save = async (form: HTMLElement) => {
      (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
      await settle();
      await fixture.whenStable();
    };
    return { host, type, choose, save };
  }

  const clean = (form: HTMLElement) => form.querySelectorAll('.mat-form-field-invalid, mat-error').length;

  it('adds a person responsible, then starts the form again clean', async () => {
    const addResponsible = jest.fn().mockReturnValue(of({}));
    const { host, type, save } = await render(ResponsibleSection, { responsible: jest.fn().mockReturnValue(of([])), addResponsible });
    const form = host.querySelector('[data-testid="responsible-form"]') as HTMLElement;
    type('name', 'Invented Officer A.');
    await save(form);
    expect(addResponsible).toHaveBeenCalledWith('case-1', { kind: 'person', name: 'Invented Officer A.' });
    expect((form.querySelector('[formcontrolname="name"]') as HTMLInputElement).value).toBe('');
    expect(clean(form)).toBe(0);
  });

  it('adopts a remedial measure, then starts the form again clean', async () => {
    const adoptMeasure = jest.fn().mockReturnValue(of({}));
    const { host, type, choose, save } = await render(MeasuresSection, { measures: jest.fn().mockReturnValue(of([])), adoptMeasure });
    const form = host.querySelector('[data-testid="measure-form"]') as HTMLElement;
    type('cause', 'No camera in the interview room');
    await choose('act', 'Representation');
    type('description', 'Install cameras in every interview room');
    type('dueAt', '01/06/2099', 'date');
    type('dueAt', '10:00', 'time');
    await save(form);
    expect(adoptMeasure).toHaveBeenCalledWith('case-1', expect.objectContaining({ cause: 'No camera in the interview room' }));
    expect((form.querySelector('[formcontrolname="cause"]') as HTMLInputElement).value).toBe('');
    expect(clean(form)).toBe(0);
  });
});
