import type { Entry } from './entry';

/** The reference dictionary: every other language must hold exactly these keys. */
export const en = {
  'app.name': 'Vigil',
  'app.tagline': 'Interagency case platform for torture prevention',

  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.create': 'Create',
  'common.edit': 'Edit',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.loading': 'Loading…',
  'common.required': 'Required',
  'common.actions': 'Actions',
  'common.genericError': 'Something went wrong. Please try again.',
  'common.networkError': 'The server cannot be reached. Check your connection.',
  'common.forbidden': 'You are not allowed to do this.',

  'language.label': 'Language',

  'signIn.title': 'Sign in',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.emailRequired': 'Enter your email',
  'signIn.emailInvalid': 'Enter a valid email address',
  'signIn.passwordRequired': 'Enter your password',
  'signIn.wrongCredentials': 'Wrong email or password',
  'signIn.rateLimited': {
    one: 'Too many attempts, try again in {count} minute',
    other: 'Too many attempts, try again in {count} minutes',
  },

  'shell.signOut': 'Sign out',
  'shell.home': 'Home',
  'shell.admin': 'Administration',
  'shell.agencyKind': 'Agency kind',

  'home.welcome': 'Welcome, {name}',
  'home.casesPlaceholder': 'Your case rooms will appear here.',

  'role.prosecutor': 'Prosecutor',
  'role.chief_prosecutor': 'Chief prosecutor',
  'role.police': 'Police officer',
  'role.ombudsman': 'Ombudsman',
  'role.observer': 'Observer',
  'role.admin': 'Administrator',

  'agencyKind.prosecutor': 'Prosecutor',
  'agencyKind.police': 'Police',
  'agencyKind.ombudsman': 'Ombudsman',
  'agencyKind.civil_society': 'Civil society',

  'admin.title': 'Administration',
  'admin.note': 'Administrators manage agencies and accounts and see no case content.',
  'admin.agencies': 'Agencies',
  'admin.accounts': 'Accounts',

  'agency.name': 'Name',
  'agency.kind': 'Kind',
  'agency.status': 'Status',
  'agency.active': 'Active',
  'agency.disabled': 'Disabled',
  'agency.new': 'New agency',
  'agency.createTitle': 'New agency',
  'agency.editTitle': 'Edit agency',
  'agency.empty': 'No agencies yet.',
  'agency.nameTaken': 'An agency with this name already exists',
  'agency.kindFixed': 'The kind of an agency cannot be changed.',

  'account.email': 'Email',
  'account.displayName': 'Display name',
  'account.role': 'Role',
  'account.agency': 'Agency',
  'account.onDuty': 'On duty',
  'account.status': 'Status',
  'account.active': 'Active',
  'account.disabled': 'Disabled',
  'account.password': 'Password',
  'account.newPassword': 'New password',
  'account.newPasswordHint': 'Leave empty to keep the current password',
  'account.passwordTooShort': 'The password must be at least {min} characters long',
  'account.emailInvalid': 'Enter a valid email address',
  'account.emailTaken': 'An account with this email already exists',
  'account.new': 'New account',
  'account.createTitle': 'New account',
  'account.editTitle': 'Edit account',
  'account.empty': 'No accounts yet.',
  'account.chooseAgencyFirst': 'Choose an agency first',
  'account.rolesHint': "Only roles that fit the agency's kind are offered",
} as const satisfies Record<string, Entry>;

export type TranslationKey = keyof typeof en;

/** A full translation: the compiler rejects a missing or unknown key. */
export type Dictionary = { readonly [K in TranslationKey]: Entry };
