import type { AnalysisStep, SignatureRow } from '../store/index.js';
import { bands, DUPLICATE_SIMILARITY, fromBuffer, minhash, similarity, toBuffer } from './minhash.js';

/** An article of a refresh batch, as near-duplicate grouping needs it. */
export interface BatchArticle {
  seq: number;
  id: string;
  text: string;
}

/**
 * Store each article's MinHash and put it in the group of its most similar stored (or earlier in
 * the batch) near-duplicate, if any. The stored candidates sharing a band with any article of the
 * batch are read first, in one go; an article joins the candidates of the ones after it.
 */
export async function groupDuplicates(step: AnalysisStep, batch: readonly BatchArticle[]): Promise<void> {
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
    for (const b of a.bands) byBand.get(b)!.push(a.id);
    rows.push({ article: a.id, seq: a.seq, minhash: toBuffer(a.sig), group, bands: a.bands });
  }
  await step.addSignatures(rows);
}
