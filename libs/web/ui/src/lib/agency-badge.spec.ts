import { TestBed } from '@angular/core/testing';
import { AGENCY_KINDS, type AgencyKind } from '@vigil/contracts';
import { Translator } from '@vigil/web-i18n';
import { AGENCY_KIND_COLORS, AgencyBadge } from './agency-badge';
import type { Named } from './local-name';

describe('AgencyBadge', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
  });

  async function render(kind: AgencyKind, name?: string | Named) {
    const fixture = TestBed.createComponent(AgencyBadge);
    fixture.componentRef.setInput('kind', kind);
    if (name !== undefined) {
      fixture.componentRef.setInput('name', name);
    }
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    return {
      fixture,
      host,
      kindLabel: () => host.querySelector('[data-testid="agency-kind"]') as HTMLElement,
      nameLabel: () => host.querySelector('[data-testid="agency-name"]'),
    };
  }

  it.each([
    ['prosecutor', 'Prosecutor’s office'],
    ['police', 'Police'],
    ['ombudsman', 'Ombudsman’s office'],
    ['civil_society', 'Civil society'],
  ] as const)('shows %s as a word and as its own colour', async (kind, label) => {
    const { host, kindLabel } = await render(kind);
    expect(kindLabel().textContent?.trim()).toBe(label);
    expect(host.getAttribute('data-kind')).toBe(kind);
    // jsdom normalises colours to rgb(); compare through a probe element.
    const probe = document.createElement('span');
    probe.style.backgroundColor = AGENCY_KIND_COLORS[kind];
    expect(kindLabel().style.backgroundColor).toBe(probe.style.backgroundColor);
  });

  it('gives every kind a different colour', () => {
    const colours = AGENCY_KINDS.map((kind) => AGENCY_KIND_COLORS[kind]);
    expect(new Set(colours).size).toBe(AGENCY_KINDS.length);
  });

  it('shows the agency name when given, and nothing when not', async () => {
    const withName = await render('police', 'Test City Police');
    expect(withName.nameLabel()?.textContent?.trim()).toBe('Test City Police');

    const withoutName = await render('police');
    expect(withoutName.nameLabel()).toBeNull();
  });

  it("names an agency in the UI language, falling back to its name", async () => {
    const agency = { name: 'Test City Police', names: { en: 'Test City Police', ru: 'Тестовая полиция', kk: 'Тест полициясы' } };
    const { fixture, nameLabel } = await render('police', agency);
    expect(nameLabel()?.textContent?.trim()).toBe('Test City Police');
    TestBed.inject(Translator).use('kk');
    await fixture.whenStable();
    expect(nameLabel()?.textContent?.trim()).toBe('Тест полициясы');

    const unnamed = await render('police', { name: 'Old Police' });
    expect(unnamed.nameLabel()?.textContent?.trim()).toBe('Old Police');
  });

  it('translates the kind when the language changes', async () => {
    const { fixture, kindLabel } = await render('civil_society');
    TestBed.inject(Translator).use('ru');
    await fixture.whenStable();
    expect(kindLabel().textContent?.trim()).toBe('Гражданское общество');
    TestBed.inject(Translator).use('kk');
    await fixture.whenStable();
    expect(kindLabel().textContent?.trim()).toBe('Азаматтық қоғам');
  });
});
