import { TestBed } from '@angular/core/testing';
import { LANGUAGE_STORAGE_KEY, Translator } from '@vigil/web-i18n';
import { LanguageSwitch } from './language-switch';

describe('LanguageSwitch', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
  });

  it('offers the three languages and switches on click', async () => {
    const fixture = TestBed.createComponent(LanguageSwitch);
    await fixture.whenStable();
    const buttons = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button'));
    expect(buttons.map((button) => button.textContent?.trim())).toEqual(['English', 'Русский', 'Қазақша']);

    buttons[2].click();
    await fixture.whenStable();
    expect(TestBed.inject(Translator).language()).toBe('kk');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('kk');
    expect(buttons[2].getAttribute('aria-checked')).toBe('true');
  });
});
