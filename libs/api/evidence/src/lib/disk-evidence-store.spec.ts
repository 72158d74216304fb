import { Logger } from '@nestjs/common';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskEvidenceStore } from './disk-evidence-store';
import { sha256Of } from './evidence-store';

describe('DiskEvidenceStore', () => {
  let root: string;
  let store: DiskEvidenceStore;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'vigil-evidence-'));
    store = new DiskEvidenceStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores bytes at <root>/<aa>/<sha256>, once per content', async () => {
    const bytes = Buffer.from('Duty log, 12 March, page 4\n');
    const sha256 = sha256Of(bytes);
    expect(await store.has(sha256)).toBe(false);
    expect(await store.put(bytes)).toEqual({ sha256, size: bytes.length });
    expect(await store.put(Buffer.from(bytes))).toEqual({ sha256, size: bytes.length });
    expect(readdirSync(join(root, sha256.slice(0, 2)))).toEqual([sha256]);
    expect(await store.has(sha256)).toBe(true);
    expect(await store.get(sha256)).toEqual(bytes);
  });

  it('answers null for an address it does not hold, and refuses anything but a sha256', async () => {
    expect(await store.get('0'.repeat(64))).toBeNull();
    await expect(store.get('../../etc/passwd')).rejects.toThrow('not a sha256 address');
  });

  it('hands back altered bytes as they are (the caller re-hashes) and rewrites them when the genuine content is stored again', async () => {
    const bytes = Buffer.from('Medical report, page 1\n');
    const { sha256 } = await store.put(bytes);
    const path = store.pathOf(sha256);
    chmodSync(path, 0o644);
    writeFileSync(path, 'altered');
    expect(sha256Of((await store.get(sha256)) as Buffer)).not.toBe(sha256);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await store.put(bytes);
    expect(await store.get(sha256)).toEqual(bytes);
    expect(warn).toHaveBeenCalledWith({ event: 'evidence.file_restored', sha256 }, expect.any(String));
    warn.mockRestore();
  });
});
