import { canRead, clearanceOf, readableTiers, roleFitsAgency } from './access';

describe('access policy', () => {
  it('gives each role the clearance of the contract', () => {
    expect(clearanceOf('observer')).toBe('room');
    expect(clearanceOf('police')).toBe('state');
    expect(clearanceOf('ombudsman')).toBe('oversight');
    expect(clearanceOf('prosecutor')).toBe('prosecution');
    expect(clearanceOf('chief_prosecutor')).toBe('prosecution');
    expect(clearanceOf('admin')).toBeNull();
  });

  it('nests the tiers: police never read oversight, observers read only room', () => {
    expect(canRead('state', 'oversight')).toBe(false);
    expect(canRead('state', 'room')).toBe(true);
    expect(readableTiers('observer')).toEqual(['room']);
    expect(readableTiers('ombudsman')).toEqual(['room', 'state', 'oversight']);
    expect(readableTiers('admin')).toEqual([]);
  });

  it('fits roles to agency kinds', () => {
    expect(roleFitsAgency('prosecutor', 'police')).toBe(false);
    expect(roleFitsAgency('police', 'police')).toBe(true);
    expect(roleFitsAgency('observer', 'civil_society')).toBe(true);
    expect(roleFitsAgency('admin', 'ombudsman')).toBe(true);
  });
});
