import { createHash } from 'node:crypto';

/** A stored file's address (hex sha256 of its bytes) and size. */
export interface StoredFile {
  sha256: string;
  size: number;
}

/**
 * Where evidence files live, addressed by the sha256 of their content. On disk by default; an
 * S3-compatible store implements the same three calls.
 */
export interface EvidenceStore {
  /** Stores the bytes under their sha256. Idempotent: the same bytes again store nothing new. */
  put(bytes: Buffer): Promise<StoredFile>;
  /** The bytes stored under `sha256`, or `null` when there are none. Not verified: the caller re-hashes them. */
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
}

/** Nest injection token of the `EvidenceStore` in use. */
export const EVIDENCE_STORE = Symbol('EVIDENCE_STORE');

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const SHA256_HEX = /^[0-9a-f]{64}$/;
