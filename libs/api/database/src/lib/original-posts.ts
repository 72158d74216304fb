import type { EntityManager } from 'typeorm';
import { queryPrepared } from './prepared';

/**
 * The events already posted under these keys ($1 cases, $2 authors, $3 clientIds). One index
 * look-up per key, whatever plan the connection has cached: written as a join, the generic plan
 * made while the log was small merged with a scan of every post ever made, and kept doing so on
 * every batch as the log grew.
 */
export const ORIGINAL_POSTS_SQL = `SELECT e.id AS "eventId", k.case_id AS "caseId", k.actor_id AS "authorId", k.client_id AS "clientId"
  FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS k(case_id, actor_id, client_id)
  CROSS JOIN LATERAL (
    SELECT id FROM case_events
     WHERE case_id = k.case_id AND actor_id = k.actor_id AND client_id = k.client_id
     LIMIT 1
  ) e`;

export interface PostKey {
  caseId: string;
  authorId: string;
  clientId: string;
}

/** A post batch's retry look-up, inside its transaction: the posts among `keys` made before, with their event's id. */
export function originalPosts(manager: EntityManager, keys: PostKey[]): Promise<(PostKey & { eventId: string })[]> {
  return queryPrepared(manager, ORIGINAL_POSTS_SQL, [keys.map((k) => k.caseId), keys.map((k) => k.authorId), keys.map((k) => k.clientId)]);
}
