import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { AgencyRef, CaseMember, Role } from '@vigil/contracts';
import { WorkflowApi } from '@vigil/web-data-access';
import { of } from 'rxjs';
import { assignablePeople, TaskForm } from './task-form';

const police: AgencyRef = { id: 'e0000000-0000-4000-8000-0000000000a1', name: 'Test City Police', kind: 'police' };
const ombudsman: AgencyRef = { id: 'e0000000-0000-4000-8000-0000000000a2', name: 'Test Ombudsman Office', kind: 'ombudsman' };
const watch: AgencyRef = { id: 'e0000000-0000-4000-8000-0000000000a3', name: 'Test Watch Group', kind: 'civil_society' };

const person = (id: string, displayName: string, role: Role, agency: AgencyRef): CaseMember => ({
  userId: `e0000000-0000-4000-8000-00000000000${id}`,
  displayName,
  role,
  agency,
});
const people = [
  person('1', 'Officer One', 'police', police),
  person('2', 'Officer Two', 'police', police),
  person('3', 'Ombudsman Aide', 'ombudsman', ombudsman),
  person('4', 'Watch Monitor', 'observer', watch),
];

describe('TaskForm', () => {
  let createTask: jest.Mock;
  beforeEach(() => {
    createTask = jest.fn().mockReturnValue(of({ id: 'task-1' }));
  });

  async function render(role: Role) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [TaskForm],
      providers: [{ provide: WorkflowApi, useValue: { createTask } }],
    });
    const fixture = TestBed.createComponent(TaskForm);
    fixture.componentRef.setInput('caseId', 'case-1');
    fixture.componentRef.setInput('role', role);
    fixture.componentRef.setInput('agencies', [police, ombudsman, watch]);
    fixture.componentRef.setInput('people', people);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const select = (testId: string) => loader.getHarness(MatSelectHarness.with({ selector: `[data-testid="${testId}"]` }));
    const options = async (testId: string) => {
      const harness = await select(testId);
      await harness.open();
      const texts = await Promise.all((await harness.getOptions()).map((option) => option.getText()));
      await harness.close();
      return texts;
    };
    return { fixture, select, options, host: fixture.nativeElement as HTMLElement };
  }

  it('offers only the tiers the prosecutor reads', async () => {
    const { options } = await render('prosecutor');
    expect(await options('task-tier')).toEqual(['Room', 'State', 'Oversight', 'Prosecution']);
  });

  it('offers an ombudsman no prosecution tier', async () => {
    const { options } = await render('ombudsman');
    expect(await options('task-tier')).toEqual(['Room', 'State', 'Oversight']);
  });

  it('offers only the people of the chosen agency, and unsets a person of another', async () => {
    const { select, options } = await render('prosecutor');
    // No agency yet: no one to name.
    expect(await options('task-person')).toEqual(['Anyone in the agency']);

    await (await select('task-agency')).clickOptions({ text: /Test City Police/ });
    expect(await options('task-person')).toEqual([
      'Anyone in the agency',
      'Officer One · Police officer',
      'Officer Two · Police officer',
    ]);
    await (await select('task-person')).clickOptions({ text: /Officer Two/ });
    expect(await (await select('task-person')).getValueText()).toBe('Officer Two · Police officer');

    await (await select('task-agency')).clickOptions({ text: /Test Ombudsman Office/ });
    expect(await options('task-person')).toEqual(['Anyone in the agency', 'Ombudsman Aide · Ombudsman']);
    expect(await (await select('task-person')).getValueText()).toBe('Anyone in the agency');
  });

  it('leaves out people who cannot read the chosen tier', () => {
    expect(assignablePeople(people, police.id, 'state').map((p) => p.displayName)).toEqual(['Officer One', 'Officer Two']);
    expect(assignablePeople(people, police.id, 'oversight')).toEqual([]);
    expect(assignablePeople(people, watch.id, 'state')).toEqual([]);
    expect(assignablePeople(people, watch.id, 'room').map((p) => p.displayName)).toEqual(['Watch Monitor']);
    expect(assignablePeople(people, '', 'room')).toEqual([]);
  });

  it('starts clean after a task is created: no field turns red with "Required"', async () => {
    const { fixture, select, host } = await render('prosecutor');
    const created = jest.fn();
    fixture.componentInstance.created.subscribe(created);
    await (await select('task-kind')).clickOptions({ text: 'Seize CCTV recordings' });
    await (await select('task-agency')).clickOptions({ text: /Test City Police/ });
    const title = host.querySelector('[data-testid="task-title"]') as HTMLInputElement;
    title.value = 'Seize the camera recordings';
    title.dispatchEvent(new Event('input'));
    (host.querySelector('[data-testid="create-task"]') as HTMLButtonElement).click();
    await fixture.whenStable();

    expect(createTask).toHaveBeenCalledWith('case-1', expect.objectContaining({ title: 'Seize the camera recordings', tier: 'state' }));
    expect(created).toHaveBeenCalledWith({ id: 'task-1' });
    expect(title.value).toBe('');
    expect(host.querySelectorAll('.mat-form-field-invalid, mat-error')).toHaveLength(0);
    expect(await (await select('task-tier')).getValueText()).toBe('State');
  });
});
