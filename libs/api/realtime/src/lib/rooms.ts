import type { AuthUser } from '@vigil/api-auth';
import type { ClientToServerEvents, ServerToClientEvents, Tier } from '@vigil/contracts';
import type { Server, Socket } from 'socket.io';

/** What a socket carries from its handshake on. */
export interface SocketData {
  user: AuthUser;
  /** When the session behind `user` was last found live (ms since the epoch). */
  checkedAt: number;
}
export type VigilSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type VigilServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type Activity = Parameters<ServerToClientEvents['case:activity']>[0];

/** socket.io rooms: one per case and clearance for events, one per case for presence and typing. */
export const tierRoom = (caseId: string, clearance: Tier) => `case:${caseId}:${clearance}`;
export const caseRoom = (caseId: string) => `case:${caseId}`;
export const accountRoom = (accountId: string) => `account:${accountId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** Every socket of a principal who supervises all cases (the permission table's `case.supervise`). */
export const SUPERVISORS = 'supervisors';
/** A meeting's rooms, like a case's: one per clearance for its events, one for presence. */
export const meetingTierRoom = (meetingId: string, clearance: Tier) => `meeting:${meetingId}:${clearance}`;
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
