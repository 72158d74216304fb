import { landingPath } from './guards';

describe('landingPath', () => {
  it('sends admins to the admin area and everyone else to their cases', () => {
    expect(landingPath({ role: 'admin' })).toBe('/admin');
    for (const role of ['prosecutor', 'chief_prosecutor', 'police', 'ombudsman', 'observer'] as const) {
      expect(landingPath({ role })).toBe('/cases');
    }
  });
});
