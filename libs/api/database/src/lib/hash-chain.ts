import { canonicalJson, sha256 } from '@vigil/api-core';
import type { EntityManager } from 'typeorm';

/**
 * An append-only table whose rows are chained by hash: each row stores `seq` (gap-free from 1),
 * `prev_hash` and `hash = sha256(prev_hash + canonicalJson({ seq, ...content }))`, where `content`
 * is the row's other columns (dates as ISO strings). Changing, removing or reordering any row
 * breaks every hash after it.
 */
export interface HashChain {
  table: string;
  /** The content columns, in no particular order (the hash sorts them). */
  columns: readonly string[];
  /** The advisory lock that orders appends: one per chain. */
  lockKey: number;
}

/** The hash before the first row. */
export const CHAIN_GENESIS = '0'.repeat(64);

type Content = Record<string, unknown>;

const hashable = (content: Content) =>
  Object.fromEntries(Object.entries(content).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));

export const chainHash = (prevHash: string, seq: number, content: Content) => sha256(prevHash + canonicalJson({ seq, ...hashable(content) }));

/**
 * Appends one row to a chain, in the caller's transaction when there is one (else in its own).
 * Appends are serialised by the chain's advisory lock, held until commit: the chain never forks.
 */
export async function appendToChain(manager: EntityManager, chain: HashChain, content: Content): Promise<{ seq: number; hash: string }> {
  const append = async (tx: EntityManager) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [chain.lockKey]);
    const [last]: { seq: string; hash: string }[] = await tx.query(`SELECT seq, hash FROM ${chain.table} ORDER BY seq DESC LIMIT 1`);
    const seq = last ? Number(last.seq) + 1 : 1;
    const prevHash = last?.hash ?? CHAIN_GENESIS;
    const values = chain.columns.map((column) => {
      const value = content[column] ?? null;
      // jsonb columns take their value as JSON text.
      return value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value;
    });
    const hash = chainHash(prevHash, seq, Object.fromEntries(chain.columns.map((column) => [column, content[column] ?? null])));
    const placeholders = chain.columns.map((_, i) => `$${i + 4}`).join(', ');
    await tx.query(`INSERT INTO ${chain.table} (seq, prev_hash, hash, ${chain.columns.join(', ')}) VALUES ($1, $2, $3, ${placeholders})`, [
      seq,
      prevHash,
      hash,
      ...values,
    ]);
    return { seq, hash };
  };
  return manager.queryRunner?.isTransactionActive ? append(manager) : manager.transaction(append);
}

/** Recomputes a chain from its first row: the first row whose hash or link does not hold, or none. */
export async function verifyChain(manager: EntityManager, chain: HashChain): Promise<{ ok: boolean; length: number; firstBrokenSeq: number | null }> {
  const rows: Record<string, unknown>[] = await manager.query(`SELECT seq, prev_hash, hash, ${chain.columns.join(', ')} FROM ${chain.table} ORDER BY seq`);
  let prevHash = CHAIN_GENESIS;
  let expectedSeq = 1;
  for (const row of rows) {
    const seq = Number(row['seq']);
    const content = Object.fromEntries(chain.columns.map((column) => [column, row[column] ?? null]));
    if (seq !== expectedSeq || row['prev_hash'] !== prevHash || row['hash'] !== chainHash(prevHash, seq, content)) {
      return { ok: false, length: rows.length, firstBrokenSeq: seq };
    }
    prevHash = row['hash'] as string;
    expectedSeq += 1;
  }
  return { ok: true, length: rows.length, firstBrokenSeq: null };
}
