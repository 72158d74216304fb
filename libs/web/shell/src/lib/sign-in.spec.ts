import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter, Router } from '@angular/router';
import type { Me } from '@vigil/contracts';
import { API_URLS, authInterceptor } from '@vigil/web-data-access';
import { Translator } from '@vigil/web-i18n';
import { SignIn } from './sign-in';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('SignIn', () => {
  async function render() {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [SignIn],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(SignIn);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const [email, password] = await loader.getAllHarnesses(MatInputHarness);
    const fields = await loader.getAllHarnesses(MatFormFieldHarness);
    const host = fixture.nativeElement as HTMLElement;
    const submit = async () => {
      (host.querySelector('button[type="submit"]') as HTMLButtonElement).click();
      await fixture.whenStable();
    };
    const alert = () => host.querySelector('[role="alert"]')?.textContent?.trim();
    return { fixture, email, password, fields, host, submit, alert, backend: TestBed.inject(HttpTestingController) };
  }

  it('validates the email while typing', async () => {
    const { email, fields } = await render();
    await email.setValue('not-an-email');
    expect(await fields[0].getTextErrors()).toEqual(['Enter a valid email address']);
    await email.setValue('officer@example.test');
    expect(await fields[0].getTextErrors()).toEqual([]);
  });

  it('shows the wrong-credentials error on a 401', async () => {
    const { email, password, submit, alert, backend, fixture } = await render();
    await email.setValue('officer@example.test');
    await password.setValue('not-the-password');
    await submit();
    backend
      .expectOne(API_URLS.login)
      .flush({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'no' }, { status: 401, statusText: 'Unauthorized' });
    await settle();
    await fixture.whenStable();
    expect(alert()).toBe('Wrong email or password');

    TestBed.inject(Translator).use('ru');
    await fixture.whenStable();
    expect(alert()).toBe('Неверная электронная почта или пароль');
  });

  it('tells how long to wait on a 429, from Retry-After', async () => {
    const { email, password, submit, alert, backend, fixture } = await render();
    await email.setValue('officer@example.test');
    await password.setValue('not-the-password');
    await submit();
    backend
      .expectOne(API_URLS.login)
      .flush(
        { statusCode: 429, code: 'RATE_LIMITED', message: 'slow down' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '840' } },
      );
    await settle();
    await fixture.whenStable();
    expect(alert()).toBe('Too many attempts, try again in 14 minutes');
  });

  it('goes to the landing page of the role after signing in', async () => {
    const { email, password, submit, backend } = await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const admin: Me = {
      id: '7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a',
      email: 'admin@example.test',
      displayName: 'Test Admin',
      role: 'admin',
      agency: { id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', name: 'Test Office', kind: 'prosecutor' },
    };
    await email.setValue(admin.email);
    await password.setValue('the-password');
    await submit();
    backend.expectOne(API_URLS.login).flush({ accessToken: 'token', expiresIn: 900, user: admin });
    await settle();
    backend.expectOne(API_URLS.me).flush(admin);
    await settle();
    expect(navigate).toHaveBeenCalledWith('/admin');
  });
});
