/**
 * Articles stored before a refresh starts, when none is under way: one, so a refresh is under way nearly all the run,
 * each taking the articles stored while the one before ran. At the start of a run the analysis thread is slow (its
 * code not yet optimised) and this one waited for the first windows; a refresh that began only after a hundred
 * articles left it idle there. Starting at once, `claimtrail analyze` of PolNeAR was faster in 7 of 8 pairs (median
 * −0.8 s) and held about 50 MB less (docs/quality.md).
 */
export const REFRESH_EVERY = 1;

/**
 * The cross-article refresh of a run that stores many articles (`claimtrail analyze`), run while it
 * stores them rather than all after: each time enough new articles are stored and no refresh is
 * under way, one starts. The analysis threads go on meanwhile, so the refresh uses what the
 * storing leaves of the cores: on this project's 2-core machine, with V8 optimising later
 * (src/tiering.ts), `claimtrail analyze` of PolNeAR took 14.5 s against 16.8 s (medians of five
 * runs; alone, it gained about 2 %; docs/quality.md). The refresh takes articles in the order
 * submitted whenever it runs, so the results are those of one refresh after the run. The refreshes
 * before the last are partial (RefreshOptions.partial): the last recomputes the contradictions and
 * stories once, for all the propositions the run touched.
 *
 * That holds for runs that add articles. A run that replaces stored ones (re-analysis) must not
 * refresh before it ends (give `every` Infinity): a refresh before a replacement matches claims
 * against the claims the replacement then takes away, and on PolNeAR re-analysed that gave 14,738
 * propositions where one refresh after gave the first run's 14,840.
 *
 * A refresh that fails along the way starts no more; the last one, after the run (finish), takes
 * up what it left and is the one whose error the caller sees.
 */
export class RefreshAlongside {
  private running: Promise<void> | null = null;
  private waiting = 0;
  private failed = false;

  constructor(
    /** One refresh; `last` for the one after the run, which must leave the analysis whole (RefreshOptions.partial). */
    private readonly refresh: (last: boolean) => Promise<unknown>,
    private readonly every = REFRESH_EVERY,
  ) {}

  /** `count` more articles stored: start a refresh when enough wait and none runs. */
  stored(count = 1): void {
    this.waiting += count;
    if (this.running || this.failed || this.waiting < this.every) return;
    this.waiting = 0;
    this.running = this.refresh(false).then(
      () => {
        this.running = null;
      },
      () => {
        this.failed = true;
        this.running = null;
      },
    );
  }

  /** Wait for the refresh under way, if any (a run that stops leaves none behind it). */
  async settle(): Promise<void> {
    await this.running;
  }

  /** After the last article is stored: wait for the refresh under way, then refresh once more, throwing its error. */
  async finish(): Promise<void> {
    await this.settle();
    await this.refresh(true);
  }
}
