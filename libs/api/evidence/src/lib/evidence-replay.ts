import { earliest, REPLAY_BATCH, type LogReplay } from '@vigil/api-cases';
import type { CaseEventEntity } from '@vigil/api-database';
import { isEvent, type EvidenceAddedData, type Tier } from '@vigil/contracts';
import type { DataSource } from 'typeorm';

/** A link of the chain as its event states it; `to`/`at` of the collection may come from the item's row. */
interface ExpectedLink {
  eventSeq: number;
  from: string | null;
  to: string | null;
  handedOverBy: string;
  receivedBy: string | null;
  note: string | null;
  at: number | null;
}

interface ExpectedItem {
  addedSeq: number;
  tier: Tier;
  added: EvidenceAddedData;
  collectedBy: string;
  /** Links by their seq in the chain. */
  links: Map<number, ExpectedLink>;
  lastLinkSeq: number;
  superseded: { seq: number; by: string; reason: string } | null;
}

interface ItemRow {
  id: string;
  case_id: string;
  tier: Tier;
  title: string;
  media_type: string;
  size: number;
  sha256: string;
  collected_by: string;
  collected_by_agency_id: string;
  collected_at: Date;
  superseded_at: Date | null;
  superseded_by: string | null;
  superseded_reason: string | null;
}

interface LinkRow {
  evidence_id: string;
  seq: number;
  from_agency_id: string | null;
  to_agency_id: string;
  handed_over_by: string;
  received_by: string | null;
  note: string | null;
  at: Date;
}

/**
 * Evidence rows and their custody chains are read from their tables: each item must be what its
 * `evidence.added` and `evidence.superseded` events say, and its chain exactly the links of the
 * collection and of its `evidence.custody_transferred` events, no more.
 */
export class EvidenceReplay implements LogReplay {
  private readonly items = new Map<string, ExpectedItem>();

  constructor(private readonly caseId: string) {}

  see(event: CaseEventEntity): void {
    if (isEvent(event, 'evidence.added')) {
      const added = event.data;
      const id = added.evidenceId;
      const collection: ExpectedLink = {
        eventSeq: event.seq,
        from: null,
        to: added.collectedByAgencyId ?? null,
        handedOverBy: event.actorId,
        receivedBy: null,
        note: null,
        at: added.collectedAt ? Date.parse(added.collectedAt) : null,
      };
      this.items.set(id, { addedSeq: event.seq, tier: event.tier, added, collectedBy: event.actorId, links: new Map([[1, collection]]), lastLinkSeq: event.seq, superseded: null });
      return;
    }
    if (isEvent(event, 'evidence.custody_transferred')) {
      const transfer = event.data;
      const item = this.items.get(transfer.evidenceId);
      if (!item) return;
      item.links.set(transfer.seq, {
        eventSeq: event.seq,
        from: transfer.fromAgency?.id ?? null,
        to: transfer.toAgency.id,
        handedOverBy: event.actorId,
        receivedBy: transfer.receivedBy,
        note: transfer.note,
        at: Date.parse(transfer.at),
      });
      item.lastLinkSeq = event.seq;
    }
    if (isEvent(event, 'evidence.superseded')) {
      const item = this.items.get(event.data.evidenceId);
      if (item) item.superseded ??= { seq: event.seq, by: event.actorId, reason: event.data.reason };
    }
  }

  async firstMismatch(db: DataSource): Promise<number | null> {
    const ids = [...this.items.keys()];
    let first: number | null = null;
    for (let i = 0; i < ids.length; i += REPLAY_BATCH) {
      const batch = ids.slice(i, i + REPLAY_BATCH);
      const rows: ItemRow[] = await db.query(
        `SELECT id, case_id, tier, title, media_type, size, sha256, collected_by, collected_by_agency_id, collected_at,
                superseded_at, superseded_by, superseded_reason
           FROM evidence WHERE id = ANY($1::uuid[])`,
        [batch],
      );
      const links: LinkRow[] = await db.query(
        `SELECT evidence_id, seq, from_agency_id, to_agency_id, handed_over_by, received_by, note, at
           FROM custody_entries WHERE evidence_id = ANY($1::uuid[])`,
        [batch],
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const id of batch) {
        const item = this.items.get(id) as ExpectedItem;
        first = earliest([first, this.itemMismatch(item, byId.get(id)), this.chainMismatch(item, byId.get(id), links.filter((link) => link.evidence_id === id))]);
      }
    }
    return first;
  }

  private itemMismatch(item: ExpectedItem, row: ItemRow | undefined): number | null {
    const { added } = item;
    if (
      !row ||
      row.case_id !== this.caseId ||
      row.tier !== item.tier ||
      row.title !== added.title ||
      row.media_type !== added.mediaType ||
      row.size !== added.size ||
      row.sha256 !== added.sha256 ||
      row.collected_by !== item.collectedBy
    ) {
      return item.addedSeq;
    }
    const { superseded } = item;
    if (!superseded) return row.superseded_at === null ? null : item.addedSeq;
    return row.superseded_at !== null && row.superseded_by === superseded.by && row.superseded_reason === superseded.reason ? null : superseded.seq;
  }

  private chainMismatch(item: ExpectedItem, row: ItemRow | undefined, links: LinkRow[]): number | null {
    let first: number | null = null;
    for (const [seq, expected] of item.links) {
      const link = links.find((candidate) => candidate.seq === seq);
      // The collection's holder and time: from its event, or (older events) from the item's row.
      const to = expected.to ?? row?.collected_by_agency_id ?? null;
      const at = expected.at ?? row?.collected_at.getTime() ?? null;
      const agrees =
        link !== undefined &&
        link.from_agency_id === expected.from &&
        link.to_agency_id === to &&
        link.handed_over_by === expected.handedOverBy &&
        link.received_by === expected.receivedBy &&
        link.note === expected.note &&
        link.at.getTime() === at;
      if (!agrees) first = earliest([first, expected.eventSeq]);
    }
    // A link no event speaks of: the chain went on past its last logged hand-over.
    if (links.some((link) => !item.links.has(link.seq))) first = earliest([first, item.lastLinkSeq]);
    return first;
  }
}
