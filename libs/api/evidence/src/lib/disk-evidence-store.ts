import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SHA256_HEX, sha256Of, type EvidenceStore, type StoredFile } from './evidence-store';

/** Evidence files on the local disk, at `<root>/<first two hex digits>/<sha256>`, read-only. */
export class DiskEvidenceStore implements EvidenceStore {
  private readonly logger = new Logger('EvidenceStore');

  constructor(private readonly root: string) {}

  async put(bytes: Buffer): Promise<StoredFile> {
    const sha256 = sha256Of(bytes);
    const path = this.pathOf(sha256);
    const existing = await this.get(sha256);
    if (existing && sha256Of(existing) === sha256) return { sha256, size: bytes.length };
    // A file at the address that no longer matches it is replaced by the genuine bytes.
    if (existing) this.logger.warn({ event: 'evidence.file_restored', sha256 }, 'a stored file did not match its address and was rewritten');
    await mkdir(dirname(path), { recursive: true });
    // Written whole under a temporary name and renamed: a reader never sees half a file.
    const temporary = `${path}.${randomUUID()}.part`;
    try {
      const file = await open(temporary, 'wx', 0o444);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  /** Where a file lives; anything but a hex sha256 is refused so that no address leaves the root. */
  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a sha256 address');
    return join(this.root, sha256.slice(0, 2), sha256);
  }
}
