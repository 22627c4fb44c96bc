import type { AnalysisStep, SignatureRow } from '../store/index.js';
import { bands, DUPLICATE_SIMILARITY, fromBuffer, minhash, similarity, toBuffer } from './minhash.js';

/**
 * Members of one near-duplicate group indexed under one band. A new article is compared with at
 * most this many articles of each group sharing a band with it, so a flood of copies costs the same
 * per article however large its group grows; a group smaller than this (every group of ordinary
 * news) is compared in full, as before.
 */
export const BAND_REPRESENTATIVES = 8;

/** An article of a refresh batch, as near-duplicate grouping needs it. */
export interface BatchArticle {
  seq: number;
  id: string;
  text: string;
}

/**
 * Store each article's MinHash and put it in the group of its most similar stored (or earlier in
 * the batch) near-duplicate, if any. The stored candidates sharing a band with any article of the
 * batch are read first, in one go; an article joins the candidates of the ones after it. An
 * article is indexed only under the bands where its group has fewer than BAND_REPRESENTATIVES
 * members, which bounds every band's candidates by its groups, not by the articles stored.
 * Returns each article's group.
 */
export async function groupDuplicates(step: AnalysisStep, batch: readonly BatchArticle[]): Promise<Map<string, string>> {
  const signed = batch.map((a) => {
    const sig = minhash(a.text);
    return { ...a, sig, bands: bands(sig) };
  });
  const byBand = await step.bandMembers([...new Set(signed.flatMap((a) => a.bands))]);
  const inBatch = new Set(batch.map((a) => a.id));
  const storedIds = [...new Set([...byBand.values()].flat())].filter((id) => !inBatch.has(id));
  const known = new Map<string, { sig: Uint32Array; group: string }>();
  for (const [id, s] of await step.signatures(storedIds)) known.set(id, { sig: fromBuffer(s.minhash), group: s.group });
  const rows: SignatureRow[] = [];
  for (const a of signed) {
    let group = a.id;
    let best = DUPLICATE_SIMILARITY;
    for (const other of new Set(a.bands.flatMap((b) => byBand.get(b) ?? []))) {
      const o = other === a.id ? undefined : known.get(other);
      if (!o) continue;
      const s = similarity(a.sig, o.sig);
      if (s >= best) {
        best = s;
        group = o.group;
      }
    }
    known.set(a.id, { sig: a.sig, group });
    const indexed = a.bands.filter((b) => byBand.get(b)!.filter((other) => known.get(other)?.group === group).length < BAND_REPRESENTATIVES);
    for (const b of indexed) byBand.get(b)!.push(a.id);
    rows.push({ article: a.id, seq: a.seq, minhash: toBuffer(a.sig), group, bands: indexed });
  }
  await step.addSignatures(rows);
  return new Map(rows.map((r) => [r.article, r.group]));
}
