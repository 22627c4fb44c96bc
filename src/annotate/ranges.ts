/**
 * Lookups of positioned items (spans, tokens) by position in O(log n + k), so a layer that asks
 * "which items lie near here" for every trigger or claim stays near-linear in article length
 * instead of scanning the whole article each time. Results keep the items' original order, so
 * a caller that picked "the first that matches" picks the same item as a full scan would.
 */
export class PositionIndex<T> {
  /** Item indexes sorted by position (ties in original order). */
  private readonly order: Int32Array;
  private readonly keys: Float64Array;

  constructor(
    readonly items: readonly T[],
    position: (item: T) => number,
  ) {
    const n = items.length;
    const pos = new Float64Array(n);
    for (let i = 0; i < n; i++) pos[i] = position(items[i]!);
    const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => pos[a]! - pos[b]! || a - b);
    this.order = order;
    this.keys = Float64Array.from(order, (i) => pos[i]!);
  }

  /** Indexes of the items positioned in [from, to), in original order. */
  between(from: number, to: number): number[] {
    const out: number[] = [];
    for (let k = this.lowerBound(from); k < this.order.length && this.keys[k]! < to; k++) out.push(this.order[k]!);
    return out.sort((a, b) => a - b);
  }

  /**
   * The items positioned in [from, to) that `keep` accepts, in original order. Built by one loop into one array, not
   * by chained map and filter: their results' element kinds differ (empty, numbers, objects), and an optimised
   * caller that meets a kind it has not seen is thrown back and compiled again.
   */
  within(from: number, to: number, keep: (item: T) => boolean): T[] {
    const out: T[] = [];
    for (const i of this.between(from, to)) {
      const item = this.items[i]!;
      if (keep(item)) out.push(item);
    }
    return out;
  }

  private lowerBound(x: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Items that cover a range [lo, hi): `containing(p)` finds those with lo <= p < hi, in original
 * order. Only items starting within the longest item's length before p are looked at.
 */
export class SpanIndex<T> {
  private readonly starts: PositionIndex<T>;
  private readonly longest: number;

  constructor(
    readonly items: readonly T[],
    private readonly lo: (item: T) => number,
    private readonly hi: (item: T) => number,
  ) {
    this.starts = new PositionIndex(items, lo);
    let longest = 0;
    for (const item of items) longest = Math.max(longest, hi(item) - lo(item));
    this.longest = longest;
  }

  /** Indexes of the items whose range overlaps [from, to), in original order. */
  overlapping(from: number, to: number): number[] {
    return this.starts.between(from - this.longest, to).filter((i) => this.hi(this.items[i]!) > from && this.lo(this.items[i]!) < to);
  }

  /** Indexes of the items whose range holds p, in original order. */
  containing(p: number): number[] {
    return this.starts.between(p - this.longest, p + 1).filter((i) => this.hi(this.items[i]!) > p && this.lo(this.items[i]!) <= p);
  }
}
