import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { apiErrorOf, retryAfterSeconds, Session } from '@vigil/web-data-access';
import { TranslatePipe, type TranslationKey, type TranslationParams } from '@vigil/web-i18n';
import { LanguageSwitch } from '@vigil/web-ui';
import { landingPath } from './guards';

interface SignInFailure {
  key: TranslationKey;
  params?: TranslationParams;
}

@Component({
  selector: 'vigil-sign-in',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    LanguageSwitch,
  ],
  // Field errors show while typing, not only after leaving the field.
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in.html',
  styleUrl: './sign-in.scss',
})
export class SignIn {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly failure = signal<SignInFailure | null>(null);

  protected async submit(): Promise<void> {
    if (this.busy()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    const { email, password } = this.form.getRawValue();
    try {
      const me = await this.session.signIn(email.trim(), password);
      await this.router.navigateByUrl(landingPath(me));
    } catch (error) {
      this.failure.set(describeFailure(error));
    } finally {
      this.busy.set(false);
    }
  }
}

function describeFailure(error: unknown): SignInFailure {
  const apiError = apiErrorOf(error);
  switch (apiError.statusCode) {
    case 401:
      return { key: 'signIn.wrongCredentials' };
    case 429: {
      const seconds = retryAfterSeconds(error) ?? 60;
      return { key: 'signIn.rateLimited', params: { count: Math.max(1, Math.ceil(seconds / 60)) } };
    }
    case 0:
      return { key: 'common.networkError' };
    default:
      return { key: 'common.genericError' };
  }
}
