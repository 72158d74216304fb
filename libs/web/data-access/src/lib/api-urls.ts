/** Paths of the REST API, served on the same origin as the app. */
export const API_URLS = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  me: '/api/me',
  agencies: '/api/admin/agencies',
  accounts: '/api/admin/accounts',
  cases: '/api/cases',
  places: '/api/places',
  /** Active agencies, for any case worker (hand-overs, tasks, the register of places). */
  caseAgencies: '/api/agencies',
  /** The units of an active agency, for any case worker (the unit a report implicates). */
  agencyUnits: (agencyId: string) => `/api/agencies/${encodeURIComponent(agencyId)}/units`,
  /** Active case workers, for prosecutors (dispatch, tasks, members). */
  directory: '/api/directory',
  myWork: '/api/my-work',
} as const;

/** Requests that trade credentials for a token: they carry no Bearer and are never retried. */
export function isTokenExchange(url: string): boolean {
  return url === API_URLS.login || url === API_URLS.refresh;
}

export function isApiUrl(url: string): boolean {
  return url.startsWith('/api/');
}
