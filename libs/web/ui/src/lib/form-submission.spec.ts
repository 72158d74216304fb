import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ApiError } from '@vigil/contracts';
import { Translator } from '@vigil/web-i18n';
import { of, Subject, throwError, type Observable } from 'rxjs';
import { FieldError } from './field-error';
import { formSubmission } from './form-submission';

/** A form as every form of the app is written: a required field, its error, one submit. */
@Component({
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" #ngForm="ngForm" (ngSubmit)="save(ngForm)" novalidate>
      <mat-form-field>
        <input matInput formControlName="title" required />
        <mat-error><vigil-field-error [control]="form.controls.title" [words]="{ taken: 'agency.nameTaken' }" /></mat-error>
      </mat-form-field>
      <p class="problem">{{ submission.problemText() }}</p>
      <button type="submit">Save</button>
    </form>
  `,
})
class NoteForm {
  readonly form = new FormGroup({ title: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(5)] }) });
  readonly submission = formSubmission();
  answer: () => Observable<unknown> = () => of({ id: 'n1' });
  saved: unknown[] = [];

  save(target: Parameters<typeof this.submission.submit>[0]): void {
    void this.submission.submit(target, () => this.answer(), { onSaved: (result) => void this.saved.push(result) });
  }
}

describe('FormSubmission and <vigil-field-error>', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
  });

  async function setup() {
    const fixture = TestBed.createComponent(NoteForm);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const input = element.querySelector('input') as HTMLInputElement;
    const type = async (value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      (element.querySelector('button') as HTMLButtonElement).click();
      await fixture.whenStable();
    };
    const errors = () => Array.from(element.querySelectorAll('mat-error')).map((node) => node.textContent?.trim());
    return { fixture, component: fixture.componentInstance, element, type, submit, errors };
  }

  it('refuses an invalid form and says why on the field, without calling the API', async () => {
    const { component, submit, errors } = await setup();
    const calls = jest.fn(() => of({}));
    component.answer = calls;
    await submit();
    expect(calls).not.toHaveBeenCalled();
    expect(errors()).toEqual(['Required']);
  });

  it('starts clean after a save: empty, and no field red with "Required"', async () => {
    const { component, element, type, submit, errors } = await setup();
    await type('Visit');
    await submit();
    expect(component.saved).toEqual([{ id: 'n1' }]);
    expect(component.form.getRawValue()).toEqual({ title: '' });
    expect(component.form.pristine && component.form.untouched).toBe(true);
    expect(errors()).toEqual([]);
    expect(element.querySelector('.mat-form-field-invalid')).toBeNull();
  });

  it("puts the server's error on its field in the UI language, and says it again after a switch", async () => {
    const { component, fixture, type, submit, errors } = await setup();
    const body: ApiError = {
      statusCode: 400,
      code: 'VALIDATION',
      message: 'Validation failed',
      details: [{ field: 'title', message: 'title must be at most 3 characters', rule: 'max_length', params: { max: 3 } }],
    };
    component.answer = () => throwError(() => new HttpErrorResponse({ status: 400, error: body }));
    await type('Four');
    await submit();
    expect(errors()).toEqual(['Must be at most 3 characters long']);
    expect(component.form.getRawValue()).toEqual({ title: 'Four' });

    TestBed.inject(Translator).use('kk');
    await fixture.whenStable();
    expect(errors()).toEqual(['3 таңбадан аспауы керек']);
  });

  it('shows its own words for a validator first, and the common ones for the rest', async () => {
    const { component, fixture, type, errors, submit } = await setup();
    await type('Too long');
    await submit();
    expect(errors()).toEqual(['At most 5 characters']);
    component.form.controls.title.setErrors({ taken: true });
    await fixture.whenStable();
    expect(errors()).toEqual([TestBed.inject(Translator).translate('agency.nameTaken')]);
  });

  it('says a failure that names no field for the whole form, and sends once at a time', async () => {
    const { component, fixture, type, submit, element } = await setup();
    const answers = new Subject<unknown>();
    const calls = jest.fn(() => answers.asObservable());
    component.answer = calls;
    await type('Visit');
    await submit();
    await submit();
    expect(calls).toHaveBeenCalledTimes(1);
    expect(component.submission.pending()).toBe(true);
    answers.error(new HttpErrorResponse({ status: 0 }));
    await Promise.resolve();
    await fixture.whenStable();
    expect(component.submission.pending()).toBe(false);
    expect(element.querySelector('.problem')?.textContent).toBe('The server cannot be reached. Check your connection.');
    expect(component.form.getRawValue()).toEqual({ title: 'Visit' });
  });
});
