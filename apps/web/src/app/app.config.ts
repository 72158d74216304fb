import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { authInterceptor, Session } from '@vigil/web-data-access';
import { Translator } from '@vigil/web-i18n';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withInterceptors([authInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding()),
    // Before the first navigation: a reload signs back in through the refresh cookie.
    provideAppInitializer(() => inject(Session).restore()),
    // The remembered language's words are fetched before the first render: no flash of English.
    provideAppInitializer(() => inject(Translator).ready()),
  ],
};
