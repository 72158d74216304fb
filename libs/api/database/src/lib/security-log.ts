import type { EntityManager } from 'typeorm';
import { SECURITY_LOG_CHAIN, type SecurityRecord } from './entities';
import { appendToChain } from './hash-chain';

/** Appends to the security log, in the caller's transaction when there is one. */
export function recordSecurity(manager: EntityManager, record: SecurityRecord): Promise<{ seq: number; hash: string }> {
  return appendToChain(manager, SECURITY_LOG_CHAIN, {
    at: new Date(),
    type: record.type,
    actor_id: record.actorId ?? null,
    account_id: record.accountId ?? null,
    data: record.data ?? {},
  });
}
