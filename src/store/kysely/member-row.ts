import type { Stance } from '../../contract/index.js';
import type { MemberRow } from '../analysis-step.js';

/** A proposition's claim as both stores' member queries return it (claim_props joined with claims, articles, signatures, entities). */
export interface MemberSqlRow {
  position: number;
  features: string;
  claim_id: string;
  article_id: string;
  speaker_entity: string | null;
  speaker_text: string | null;
  stance: string;
  content: string;
  content_start: number;
  content_end: number;
  said: string | null;
  seq: number;
  published: string | null;
  source: string | null;
  dup_group: string | null;
  speaker_name: string | null;
}

export function memberRow(r: MemberSqlRow): MemberRow {
  return {
    position: r.position,
    features: r.features,
    claim: r.claim_id,
    article: r.article_id,
    articleSeq: r.seq,
    speakerEntity: r.speaker_entity,
    speakerText: r.speaker_text,
    speakerName: r.speaker_name,
    stance: r.stance as Stance,
    content: r.content,
    contentStart: r.content_start,
    contentEnd: r.content_end,
    said: r.said,
    published: r.published,
    source: r.source,
    dupGroup: r.dup_group,
  };
}
