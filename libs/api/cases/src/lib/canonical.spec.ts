import { canonicalJson, sha256 } from './canonical';

describe('canonicalJson', () => {
  // Stored hashes depend on these exact bytes: a change here breaks the verification of every existing log.
  const sample = { zeta: 1, alpha: { b: [3, { y: null, x: 'é"\n' }], a: undefined, Z: true }, list: [undefined, 2], ключ: 'значение', _: -0.5 };

  it('sorts keys at every depth, drops undefined members and writes undefined array items as null', () => {
    expect(canonicalJson(sample)).toBe('{"_":-0.5,"alpha":{"Z":true,"b":[3,{"x":"é\\"\\n","y":null}]},"list":[null,2],"zeta":1,"ключ":"значение"}');
  });

  it('gives the same bytes whatever the insertion order', () => {
    expect(canonicalJson({ b: { d: 1, c: 2 }, a: 0 })).toBe(canonicalJson({ a: 0, b: { c: 2, d: 1 } }));
  });

  it('hashes to the value logs were written with', () => {
    expect(sha256(canonicalJson(sample))).toBe('3d7204c171f16f7206cf6367904d561e88b5412b8b4d52a509201673266bfc2e');
  });
});
