import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { Role } from '@vigil/contracts';
import { Translator } from '@vigil/web-i18n';
import { Composer, type OutgoingMessage } from './composer';

describe('Composer', () => {
  async function render(role: Role) {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [Composer] });
    const fixture = TestBed.createComponent(Composer);
    fixture.componentRef.setInput('role', role);
    const sent: OutgoingMessage[] = [];
    fixture.componentInstance.send.subscribe((message) => sent.push(message));
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const host = fixture.nativeElement as HTMLElement;
    const select = await loader.getHarness(MatSelectHarness);
    const tierOptions = async () => {
      await select.open();
      const texts = await Promise.all((await select.getOptions()).map((option) => option.getText()));
      await select.close();
      return texts;
    };
    const textarea = host.querySelector('textarea') as HTMLTextAreaElement;
    const type = async (text: string) => {
      textarea.value = text;
      textarea.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const press = async (key: string, shiftKey = false) => {
      const event = new KeyboardEvent('keydown', { key, shiftKey, cancelable: true });
      textarea.dispatchEvent(event);
      await fixture.whenStable();
      return event;
    };
    const audience = () => host.querySelector('[data-testid="tier-audience"]')?.textContent?.trim();
    return { fixture, select, tierOptions, type, press, sent, audience, textarea };
  }

  it.each([
    ['observer', ['Room']],
    ['police', ['Room', 'State']],
    ['ombudsman', ['Room', 'State', 'Oversight']],
    ['prosecutor', ['Room', 'State', 'Oversight', 'Prosecution']],
    ['chief_prosecutor', ['Room', 'State', 'Oversight', 'Prosecution']],
  ] as const)('offers a %s only the tiers they read', async (role, tiers) => {
    const { tierOptions } = await render(role);
    expect(await tierOptions()).toEqual(tiers);
  });

  it('starts at the narrowest tier and says in words who will read the message', async () => {
    const { select, audience, fixture } = await render('police');
    expect(await select.getValueText()).toBe('State');
    expect(audience()).toBe('Who can read it: Prosecutors, police and the ombudsman; not observers');

    await select.open();
    await select.clickOptions({ text: 'Room' });
    expect(audience()).toBe('Who can read it: Everyone in the case, civil-society observers included');

    TestBed.inject(Translator).use('ru');
    await fixture.whenStable();
    expect(audience()).toBe('Кто сможет прочитать: Все участники дела, включая наблюдателей от гражданского общества');
  });

  it('tells an observer that everyone in the case reads it', async () => {
    const { select, audience } = await render('observer');
    expect(await select.getValueText()).toBe('Room');
    expect(audience()).toContain('Everyone in the case');
  });

  it('sends on Enter at the chosen tier and clears the text; Shift+Enter does not send', async () => {
    const { type, press, sent, select, textarea } = await render('prosecutor');
    await select.open();
    await select.clickOptions({ text: 'Oversight' });

    await type('First line');
    const shifted = await press('Enter', true);
    expect(shifted.defaultPrevented).toBe(false);
    expect(sent).toEqual([]);

    await type('First line\nSecond line  ');
    const plain = await press('Enter');
    expect(plain.defaultPrevented).toBe(true);
    expect(sent).toEqual([{ body: 'First line\nSecond line', tier: 'oversight' }]);
    expect(textarea.value).toBe('');
  });

  it('says at which tier one is typing: the audience of the draft alone hears of it', async () => {
    const { fixture, type, select } = await render('prosecutor');
    const typing: string[] = [];
    fixture.componentInstance.typing.subscribe((tier) => typing.push(tier));
    await type('For the prosecution only');
    await select.open();
    await select.clickOptions({ text: 'Room' });
    await type('For everyone');
    expect(typing).toEqual(['prosecution', 'room']);
  });

  it('sends nothing blank', async () => {
    const { type, press, sent } = await render('observer');
    await type('   ');
    await press('Enter');
    expect(sent).toEqual([]);
  });
});
