import { APP_ROLE, AppRoleError, derivedAppUrl } from './app-role';

describe('derivedAppUrl', () => {
  const owner = 'postgres://owner:s3cret%2Fpart@db.internal:5433/vigil?sslmode=require';

  it("points at the owner's database as the runtime role, with a password derived from the owner's", () => {
    const url = new URL(derivedAppUrl(owner));
    expect(url.username).toBe(APP_ROLE);
    expect(`${url.host}${url.pathname}${url.search}`).toBe('db.internal:5433/vigil?sslmode=require');
    expect(url.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.password).not.toContain('s3cret');
  });

  it('is the same for every instance of one owner and differs between owners', () => {
    expect(derivedAppUrl(owner)).toBe(derivedAppUrl(owner));
    expect(new URL(derivedAppUrl(owner)).password).not.toBe(new URL(derivedAppUrl(owner.replace('s3cret', 'other'))).password);
  });

  it('refuses an owner URL without a password: nothing secret to derive from', () => {
    expect(() => derivedAppUrl('postgres://owner@db/vigil')).toThrow(AppRoleError);
    expect(() => derivedAppUrl('postgres://owner@db/vigil')).toThrow(/DATABASE_APP_URL/);
  });
});
