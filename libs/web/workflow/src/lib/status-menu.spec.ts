import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { CASE_STATUSES, canTransition, type CaseStatus, type Role } from '@vigil/contracts';
import { CasesApi } from '@vigil/web-data-access';
import { of } from 'rxjs';
import { offeredTransitions, StatusMenu } from './status-menu';

describe('StatusMenu', () => {
  async function render(status: CaseStatus, role: Role) {
    localStorage.clear();
    const changeStatus = jest.fn().mockReturnValue(of({ status: 'investigating' }));
    TestBed.configureTestingModule({
      imports: [StatusMenu],
      providers: [{ provide: CasesApi, useValue: { changeStatus } }],
    });
    const fixture = TestBed.createComponent(StatusMenu);
    fixture.componentRef.setInput('caseId', 'case-1');
    fixture.componentRef.setInput('status', status);
    fixture.componentRef.setInput('role', role);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    return { fixture, loader, changeStatus, host: fixture.nativeElement as HTMLElement };
  }

  it('offers only the moves the status machine allows, never the visit’s own steps', () => {
    for (const from of CASE_STATUSES) {
      for (const to of offeredTransitions(from)) {
        expect(canTransition(from, to)).toBe(true);
        expect(['visit_dispatched', 'site_visited']).not.toContain(to);
      }
    }
    expect(offeredTransitions('registered')).toEqual(['referred', 'dismissed']);
    expect(offeredTransitions('site_visited')).toEqual(['investigating', 'referred', 'dismissed']);
    expect(offeredTransitions('closed')).toEqual([]);
  });

  it('lists the allowed moves of the current status for a prosecutor, and sends the one chosen', async () => {
    const { loader, changeStatus } = await render('investigating', 'prosecutor');
    const menu = await loader.getHarness(MatMenuHarness);
    await menu.open();
    const items = await menu.getItems();
    expect(await Promise.all(items.map((item) => item.getText()))).toEqual([
      'Move to “Proceedings”',
      'Move to “Referred”',
      'Move to “Dismissed”',
    ]);
    await items[0].click();
    expect(changeStatus).toHaveBeenCalledWith('case-1', { to: 'proceedings' });
  });

  it('asks for the reason before dismissing, and sends nothing when cancelled', async () => {
    const { loader, changeStatus } = await render('registered', 'chief_prosecutor');
    const menu = await loader.getHarness(MatMenuHarness);
    await menu.clickItem({ text: 'Move to “Dismissed”' });
    const dialog = document.querySelector('vigil-reason-dialog');
    expect(dialog?.textContent).toContain('Reason for “Dismissed”');
    (dialog?.querySelector('button[mat-dialog-close]') as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changeStatus).not.toHaveBeenCalled();
  });

  it('offers nothing to those who do not lead cases, nor from a final status', async () => {
    for (const [status, role] of [
      ['investigating', 'police'],
      ['investigating', 'ombudsman'],
      ['registered', 'observer'],
      ['closed', 'prosecutor'],
    ] as const) {
      TestBed.resetTestingModule();
      const { host } = await render(status, role);
      expect(host.querySelector('[data-testid="status-menu"]')).toBeNull();
    }
  });
});
