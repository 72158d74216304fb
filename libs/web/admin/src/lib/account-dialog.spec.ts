import { HttpErrorResponse } from '@angular/common/http';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { Account, Agency, Unit } from '@vigil/contracts';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { AdminApi } from '@vigil/web-data-access';
import { of, throwError } from 'rxjs';
import { AccountDialog, type AccountDialogData } from './account-dialog';
import { rolesForAgencyKind } from './account-roles';

const agency = (id: string, name: string, kind: Agency['kind'], disabled = false): Agency => ({
  id,
  name,
  kind,
  disabled,
  createdAt: '2026-01-10T09:00:00.000Z',
});

const agencies: Agency[] = [
  agency('11111111-1111-4111-8111-111111111111', 'Riverside Police Unit', 'police'),
  agency('22222222-2222-4222-8222-222222222222', 'Riverside Prosecution Office', 'prosecutor'),
  agency('33333333-3333-4333-8333-333333333333', 'Riverside Watch Group', 'civil_society'),
  agency('44444444-4444-4444-8444-444444444444', 'Closed Test Bureau', 'ombudsman', true),
];

const policeUnits: Unit[] = [
  { id: '66666666-6666-4666-8666-666666666666', name: 'Patrol Unit 3', agencyId: agencies[0].id, createdAt: '2026-01-10T09:00:00.000Z' },
  { id: '77777777-7777-4777-8777-777777777777', name: 'Detention Block', agencyId: agencies[0].id, createdAt: '2026-01-10T09:00:00.000Z' },
];

describe('rolesForAgencyKind', () => {
  it('follows roleFitsAgency for every kind', () => {
    expect(rolesForAgencyKind('police')).toEqual(['police', 'admin']);
    expect(rolesForAgencyKind('prosecutor')).toEqual(['prosecutor', 'chief_prosecutor', 'admin']);
    expect(rolesForAgencyKind('ombudsman')).toEqual(['ombudsman', 'admin']);
    expect(rolesForAgencyKind('civil_society')).toEqual(['observer', 'admin']);
    expect(rolesForAgencyKind(null)).toEqual([]);
  });
});

describe('AccountDialog', () => {
  let api: { createAccount: jest.Mock; updateAccount: jest.Mock; units: jest.Mock };
  let close: jest.Mock;

  async function open(data: AccountDialogData) {
    localStorage.clear();
    api = {
      createAccount: jest.fn(),
      updateAccount: jest.fn(),
      units: jest.fn((agencyId: string) => of(agencyId === agencies[0].id ? policeUnits : [])),
    };
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [AccountDialog],
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
        { provide: AdminApi, useValue: api },
      ],
    });
    const fixture = TestBed.createComponent(AccountDialog);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const select = (testId: string) => loader.getHarness(MatSelectHarness.with({ selector: `[data-testid="${testId}"]` }));
    const optionTexts = async (harness: MatSelectHarness) => {
      await harness.open();
      const texts = await Promise.all((await harness.getOptions()).map((option) => option.getText()));
      await harness.close();
      return texts;
    };
    const host = fixture.nativeElement as HTMLElement;
    return { fixture, loader, select, optionTexts, host };
  }

  it('offers no role before an agency is chosen', async () => {
    const { select, host } = await open({ agencies });
    expect(await (await select('account-role')).isDisabled()).toBe(true);
    expect(host.textContent).toContain('Choose an agency first');
  });

  it('does not offer the prosecutor role for a police agency', async () => {
    const { select, optionTexts } = await open({ agencies });
    const agencySelect = await select('account-agency');
    await agencySelect.open();
    await agencySelect.clickOptions({ text: /Riverside Police Unit/ });

    const roles = await optionTexts(await select('account-role'));
    expect(roles).toEqual(['Police officer', 'Administrator']);
    expect(roles).not.toContain('Prosecutor');
    expect(roles).not.toContain('Chief prosecutor');
  });

  it('offers both prosecutor roles for a prosecutor agency, and only active agencies', async () => {
    const { select, optionTexts } = await open({ agencies });
    const agencySelect = await select('account-agency');
    const agencyOptions = await optionTexts(agencySelect);
    expect(agencyOptions.some((text) => text.includes('Closed Test Bureau'))).toBe(false);

    await agencySelect.open();
    await agencySelect.clickOptions({ text: /Riverside Prosecution Office/ });
    expect(await optionTexts(await select('account-role'))).toEqual(['Prosecutor', 'Chief prosecutor', 'Administrator']);
  });

  it('clears a chosen role that the newly chosen agency cannot hold', async () => {
    const { select } = await open({ agencies });
    const agencySelect = await select('account-agency');
    await agencySelect.open();
    await agencySelect.clickOptions({ text: /Riverside Prosecution Office/ });
    const roleSelect = await select('account-role');
    await roleSelect.open();
    await roleSelect.clickOptions({ text: 'Prosecutor' });
    expect(await roleSelect.getValueText()).toBe('Prosecutor');

    await agencySelect.open();
    await agencySelect.clickOptions({ text: /Riverside Police Unit/ });
    expect(await roleSelect.getValueText()).toBe('');

    // A role that fits both (admin) is kept.
    await roleSelect.open();
    await roleSelect.clickOptions({ text: 'Administrator' });
    await agencySelect.open();
    await agencySelect.clickOptions({ text: /Riverside Watch Group/ });
    expect(await roleSelect.getValueText()).toBe('Administrator');
  });

  async function fillNewPoliceAccount(loader: ReturnType<typeof TestbedHarnessEnvironment.loader>, select: (id: string) => Promise<MatSelectHarness>) {
    const inputs = await loader.getAllHarnesses(MatInputHarness);
    await inputs[0].setValue('new.officer@example.test');
    await inputs[1].setValue('New Officer');
    await inputs[2].setValue('long-enough-password');
    const agencySelect = await select('account-agency');
    await agencySelect.open();
    await agencySelect.clickOptions({ text: /Riverside Police Unit/ });
    const roleSelect = await select('account-role');
    await roleSelect.open();
    await roleSelect.clickOptions({ text: 'Police officer' });
  }

  function submit(host: HTMLElement): void {
    (host.querySelector('button[type="submit"]') as HTMLButtonElement).click();
  }

  it('creates the account and closes with it', async () => {
    const { loader, select, host, fixture } = await open({ agencies });
    await fillNewPoliceAccount(loader, select);
    const created = { id: 'x' } as Account;
    api.createAccount.mockReturnValue(of(created));

    submit(host);
    await fixture.whenStable();

    expect(api.createAccount).toHaveBeenCalledWith({
      email: 'new.officer@example.test',
      displayName: 'New Officer',
      password: 'long-enough-password',
      role: 'police',
      agencyId: '11111111-1111-4111-8111-111111111111',
    });
    expect(close).toHaveBeenCalledWith(created);
  });

  it("shows the server's validation message next to the named field", async () => {
    const { loader, select, host, fixture } = await open({ agencies });
    await fillNewPoliceAccount(loader, select);
    api.createAccount.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 400,
            error: {
              statusCode: 400,
              code: 'VALIDATION',
              message: 'Invalid input',
              details: [{ field: 'role', message: 'this agency cannot hold that role' }],
            },
          }),
      ),
    );

    submit(host);
    await fixture.whenStable();

    const roleField = host.querySelector('[data-testid="account-role"]')?.closest('mat-form-field');
    expect(roleField?.querySelector('mat-error')?.textContent).toContain('this agency cannot hold that role');
    expect(close).not.toHaveBeenCalled();
  });

  it('says in the UI language that the email is taken on a 409', async () => {
    const { loader, select, host, fixture } = await open({ agencies });
    await fillNewPoliceAccount(loader, select);
    api.createAccount.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: { statusCode: 409, code: 'CONFLICT', message: 'exists', details: [{ field: 'email', message: 'is already in use' }] },
          }),
      ),
    );

    submit(host);
    await fixture.whenStable();

    const emailField = host.querySelector('input[type="email"]')?.closest('mat-form-field');
    expect(emailField?.querySelector('mat-error')?.textContent).toContain('An account with this email already exists');
  });

  it('sends only what changed when editing', async () => {
    const account: Account = {
      id: '55555555-5555-4555-8555-555555555555',
      email: 'someone@example.test',
      displayName: 'Some One',
      role: 'observer',
      pendingGrant: null,
      agency: { id: agencies[2].id, name: agencies[2].name, kind: agencies[2].kind },
      unit: null,
      disabled: false,
      onDuty: false,
      createdAt: '2026-01-11T09:00:00.000Z',
    };
    const { loader, host, fixture } = await open({ account, agencies });
    const inputs = await loader.getAllHarnesses(MatInputHarness);
    // No email input when editing: display name, then the optional new password.
    expect(inputs).toHaveLength(2);
    await inputs[0].setValue('Some One Renamed');
    api.updateAccount.mockReturnValue(of({ ...account, displayName: 'Some One Renamed' }));

    submit(host);
    await fixture.whenStable();

    expect(api.updateAccount).toHaveBeenCalledWith(account.id, { displayName: 'Some One Renamed' });
  });
  it("offers the chosen agency's units and sends the one chosen", async () => {
    const { loader, select, optionTexts, host, fixture } = await open({ agencies });
    await fillNewPoliceAccount(loader, select);
    const unitSelect = await select('account-unit');
    expect(await optionTexts(unitSelect)).toEqual(['No unit', 'Patrol Unit 3', 'Detention Block']);
    await unitSelect.open();
    await unitSelect.clickOptions({ text: 'Detention Block' });
    api.createAccount.mockReturnValue(of({ id: 'x' } as Account));

    submit(host);
    await fixture.whenStable();

    expect(api.units).toHaveBeenCalledWith(agencies[0].id);
    expect(api.createAccount).toHaveBeenCalledWith(expect.objectContaining({ unitId: policeUnits[1].id }));
  });

  it('says "Active" for an account that can sign in, and turning it off disables the account', async () => {
    const account: Account = {
      id: '55555555-5555-4555-8555-555555555555',
      email: 'officer@example.test',
      displayName: 'Test Officer',
      role: 'police',
      pendingGrant: null,
      agency: { id: agencies[0].id, name: agencies[0].name, kind: agencies[0].kind },
      unit: { id: policeUnits[0].id, name: policeUnits[0].name },
      disabled: false,
      onDuty: false,
      createdAt: '2026-01-11T09:00:00.000Z',
    };
    const { loader, select, host, fixture } = await open({ account, agencies });
    const active = await loader.getHarness(MatSlideToggleHarness.with({ selector: '[data-testid="account-active"]' }));
    expect(await active.getLabelText()).toBe('Active: can sign in');
    expect(await active.isChecked()).toBe(true);
    expect(await (await select('account-unit')).getValueText()).toBe('Patrol Unit 3');
    await active.toggle();
    const unitSelect = await select('account-unit');
    await unitSelect.open();
    await unitSelect.clickOptions({ text: 'No unit' });
    api.updateAccount.mockReturnValue(of({ ...account, disabled: true, unit: null }));

    submit(host);
    await fixture.whenStable();

    expect(api.updateAccount).toHaveBeenCalledWith(account.id, { disabled: true, unitId: null });
  });
});
