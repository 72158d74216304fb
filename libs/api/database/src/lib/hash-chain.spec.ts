import { CHAIN_GENESIS, chainHash } from './hash-chain';

describe('chainHash', () => {
  const at = new Date('2026-12-07T10:00:00.000Z');
  const content = { at, type: 'role.approved', actor_id: null, data: { role: 'police', grantId: 'g' } };

  it('covers the seq, every column and the previous hash, whatever the order of keys', () => {
    const hash = chainHash(CHAIN_GENESIS, 1, content);
    expect(chainHash(CHAIN_GENESIS, 1, { data: { grantId: 'g', role: 'police' }, actor_id: null, type: 'role.approved', at })).toBe(hash);
    expect(chainHash(CHAIN_GENESIS, 2, content)).not.toBe(hash);
    expect(chainHash(hash, 1, content)).not.toBe(hash);
    expect(chainHash(CHAIN_GENESIS, 1, { ...content, data: { role: 'chief_prosecutor', grantId: 'g' } })).not.toBe(hash);
  });

  it('hashes a date as the ISO string the database gives back', () => {
    expect(chainHash(CHAIN_GENESIS, 1, content)).toBe(chainHash(CHAIN_GENESIS, 1, { ...content, at: at.toISOString() }));
  });
});
