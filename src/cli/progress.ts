/** A one-line progress display on stderr, drawn only when stderr is a terminal. */
export class Progress {
  private readonly stream: NodeJS.WriteStream;
  readonly enabled: boolean;
  private readonly started = Date.now();
  private last = 0;
  private shown = false;

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.stream = stream;
    this.enabled = Boolean(stream.isTTY);
  }

  /** Redraw at most ten times a second. `total` is the number of inputs when known. */
  update(done: number, words: number, failed: number, total?: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const seconds = Math.max((now - this.started) / 1000, 1e-3);
    const rate = `${Math.round(words / seconds).toLocaleString('en-US')} words/s`;
    const width = 24;
    const bar = total ? `[${'#'.repeat(Math.round((Math.min(done, total) / total) * width)).padEnd(width, '.')}] ` : '';
    const failures = failed ? ` · ${failed} failed` : '';
    this.stream.write(`\r\x1b[K${bar}${done}${total ? `/${total}` : ''} articles · ${words.toLocaleString('en-US')} words · ${rate}${failures}`);
    this.shown = true;
  }

  /** Erase the line so other output starts clean. */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
