import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslatePipe } from './translate-pipe';
import { Translator } from './translator';

@Component({
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span id="plain">{{ 'shell.signOut' | translate }}</span>
    <span id="param">{{ 'home.welcome' | translate: { name: 'Aigerim' } }}</span>`,
})
class Host {}

describe('TranslatePipe', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
  });

  it('re-renders an OnPush view at once when the language changes', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const text = (id: string) => fixture.nativeElement.querySelector(`#${id}`).textContent;
    expect(text('plain')).toBe('Sign out');
    expect(text('param')).toBe('Welcome, Aigerim');

    TestBed.inject(Translator).use('ru');
    await fixture.whenStable();
    expect(text('plain')).toBe('Выйти');
    expect(text('param')).toBe('Добро пожаловать, Aigerim');

    TestBed.inject(Translator).use('kk');
    await fixture.whenStable();
    expect(text('plain')).toBe('Шығу');
    expect(text('param')).toBe('Қош келдіңіз, Aigerim');
  });
});
