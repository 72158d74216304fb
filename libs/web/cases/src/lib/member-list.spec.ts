import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { Case, CaseMember, DirectoryEntry, Me, Role } from '@vigil/contracts';
import { CaseRoomStore } from '@vigil/web-data-access';
import { MemberList } from './member-list';

const agency = {
  prosecutor: { id: 'agency-p', name: 'Test Prosecutor Office', kind: 'prosecutor' },
  police: { id: 'agency-pol', name: 'Test Police Unit', kind: 'police' },
  ombudsman: { id: 'agency-o', name: 'Test Ombudsman Office', kind: 'ombudsman' },
  observer: { id: 'agency-c', name: 'Test Monitors', kind: 'civil_society' },
} as const;

const person = (userId: string, displayName: string, role: Role, of: keyof typeof agency): CaseMember => ({
  userId,
  displayName,
  role,
  agency: agency[of],
});

const prosecutor = person('u-p', 'Test Prosecutor', 'prosecutor', 'prosecutor');
const police = person('u-pol', 'Test Officer', 'police', 'police');
const ombudsman = person('u-o', 'Test Ombudsman', 'ombudsman', 'ombudsman');
const observer = person('u-c', 'Test Monitor', 'observer', 'observer');

const me = (member: CaseMember): Me => ({ id: member.userId, email: `${member.role}@example.test`, displayName: member.displayName, role: member.role, agency: member.agency });
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('MemberList', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<MemberList>;
  const members = signal<readonly CaseMember[]>([]);

  function mount(viewer: CaseMember, list: readonly CaseMember[]): HTMLElement {
    members.set(list);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        // Dialogs close at once, without waiting for an animation jsdom never runs.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: CaseRoomStore, useValue: { me: signal(me(viewer)), record: signal({ id: 'case-1', members: list } as unknown as Case) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MemberList);
    fixture.componentRef.setInput('members', members());
    return fixture.nativeElement as HTMLElement;
  }

  async function rendered(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  const reads = (host: HTMLElement) =>
    Array.from(host.querySelectorAll('[data-testid="member"]')).map((row) => [
      row.querySelector('[data-testid="member-name"]')?.textContent?.trim(),
      row.querySelector('[data-testid="member-reads"]')?.textContent?.trim(),
    ]);
  const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
  const click = (root: ParentNode, testId: string, index = 0) =>
    (root.querySelectorAll(`[data-testid="${testId}"]`)[index] as HTMLElement).click();

  afterEach(() => {
    http.verify();
    overlay()?.replaceChildren();
  });

  it('says what each member reads, capped for the implicated agency', async () => {
    const host = mount(prosecutor, [prosecutor, police, ombudsman, observer]);
    await rendered();
    http.expectOne('/api/cases/case-1/intake').flush({ implicated: { agency: agency.ombudsman, unit: null } });
    await rendered();
    expect(reads(host)).toEqual([
      ['Test Prosecutor', 'Reads: Room, State, Oversight, Prosecution'],
      ['Test Officer', 'Reads: Room, State'],
      ['Test Ombudsman', 'Reads: Room, State'],
      ['Test Monitor', 'Reads: Room'],
    ]);
    // One may not take oneself out of the case from here.
    expect(host.querySelectorAll('[data-testid="remove-member"]')).toHaveLength(3);
  });

  it('adds from the directory searched by name, agency or role, and says why an officer is refused', async () => {
    const host = mount(prosecutor, [prosecutor]);
    await rendered();
    http.expectOne('/api/cases/case-1/intake').flush({ implicated: { agency: null, unit: null } });
    click(host, 'open-add-member');
    await rendered();
    const directory: DirectoryEntry[] = [
      { ...prosecutor, unit: null },
      { ...police, unit: { id: 'unit-1', name: 'Test Unit One' } },
      { ...person('u-pol2', 'Test Implicated Officer', 'police', 'police'), unit: { id: 'unit-2', name: 'Test Unit Two' } },
      { ...ombudsman, unit: null },
    ];
    http.expectOne('/api/directory').flush(directory);
    await rendered();
    const names = () => Array.from(overlay().querySelectorAll('[data-testid="directory-name"]')).map((name) => name.textContent?.trim());
    const search = overlay().querySelector('[data-testid="member-search"]') as HTMLInputElement;
    const type = async (text: string) => {
      search.value = text;
      search.dispatchEvent(new Event('input'));
      await rendered();
    };
    await type('police');
    expect(names()).toEqual(['Test Officer', 'Test Implicated Officer']);
    await type('ombudsman office');
    expect(names()).toEqual(['Test Ombudsman']);
    await type('unit two');
    expect(names()).toEqual(['Test Implicated Officer']);

    click(overlay(), 'add-member');
    const refused = http.expectOne('/api/cases/case-1/members');
    expect(refused.request.body).toEqual({ userId: 'u-pol2' });
    refused.flush(
      {
        statusCode: 409,
        code: 'CONFLICT',
        message: 'An officer of the implicated unit cannot be a member of the case',
        details: [{ field: 'userId', message: 'is an officer of the implicated unit', rule: 'implicated_unit' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await rendered();
    expect(overlay().querySelector('[data-testid="member-problem"]')?.textContent?.trim()).toBe(
      'An officer of the unit this case implicates cannot be a member of it (conflict of interest).',
    );

    await type('');
    expect(overlay().querySelectorAll('[data-testid="add-member"]')).toHaveLength(3);
    click(overlay(), 'add-member');
    http.expectOne('/api/cases/case-1/members').flush(police, { status: 201, statusText: 'Created' });
    await rendered();
    expect(overlay().querySelector('[data-testid="member-added"]')?.textContent?.trim()).toBe('Test Officer was added to the case.');
    expect(overlay().querySelector('[data-testid="member-problem"]')).toBeNull();
    // Already members: the prosecutor, and the officer just added.
    expect(overlay().querySelectorAll('[data-testid="add-member"]')).toHaveLength(2);
  });

  it('removes a member only once confirmed', async () => {
    const host = mount(prosecutor, [prosecutor, observer]);
    await rendered();
    http.expectOne('/api/cases/case-1/intake').flush({ implicated: { agency: null, unit: null } });

    click(host, 'remove-member');
    await rendered();
    expect(overlay().textContent).toContain('Remove Test Monitor from the case?');
    (overlay().querySelector('mat-dialog-actions button') as HTMLElement).click();
    await rendered();
    http.expectNone('/api/cases/case-1/members/u-c');

    click(host, 'remove-member');
    await rendered();
    click(overlay(), 'confirm');
    await rendered();
    const removal = http.expectOne('/api/cases/case-1/members/u-c');
    expect(removal.request.method).toBe('DELETE');
    removal.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('offers nothing to manage to those the permission table does not allow', async () => {
    const host = mount(police, [prosecutor, police]);
    await rendered();
    expect(host.querySelector('[data-testid="open-add-member"]')).toBeNull();
    expect(host.querySelector('[data-testid="remove-member"]')).toBeNull();
    expect(host.querySelector('[data-testid="verify-record"]')).toBeNull();
  });

  it('verifies the record for those allowed, and says whether the chain holds', async () => {
    const host = mount(ombudsman, [prosecutor, ombudsman]);
    await rendered();
    expect(host.querySelector('[data-testid="open-add-member"]')).toBeNull();
    const verdict = () => host.querySelector('[data-testid="verify-result"]')?.textContent?.trim();

    click(host, 'verify-record');
    await rendered();
    expect(verdict()).toBe('Checking the record…');
    http.expectOne('/api/cases/case-1/verify').flush({ ok: true, headSeq: 214, firstBrokenSeq: null });
    await rendered();
    expect(verdict()).toBe('The record is intact: 214 events checked.');

    click(host, 'verify-record');
    http.expectOne('/api/cases/case-1/verify').flush({ ok: false, headSeq: 214, firstBrokenSeq: 57 });
    await rendered();
    expect(verdict()).toBe('The record was altered at event 57.');
    expect(host.querySelector('[data-testid="verify-result"]')?.getAttribute('data-state')).toBe('broken');
  });
});
