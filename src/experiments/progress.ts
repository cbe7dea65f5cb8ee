// The sweep's progress bar with ETA, on stderr only. The one place that reads the wall clock:
// it measures the sweep for the display and never reaches any output file.
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const WIDTH = 24;
const TTY_EVERY_MS = 100;
const LOG_EVERY_MS = 10_000;

/** A wall-clock span for the display: 4m05s, 1h02m. */
export function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${sec}s`;
}

export class ProgressBar {
  private readonly started = Date.now();
  private readonly partial = new Map<number, number>();
  private done = 0;
  private lastDraw = 0;
  private drawn = false;

  /** `toRun` runs to do now; `resumed` were already complete. */
  constructor(
    private readonly stream: ProgressStream | null,
    private readonly toRun: number,
    private readonly resumed: number,
  ) {}

  progress(index: number, fraction: number): void {
    this.partial.set(index, fraction);
    this.draw(false);
  }

  runDone(index: number): void {
    this.partial.delete(index);
    this.done++;
    this.draw(false);
  }

  finish(): void {
    this.draw(true);
    if (this.drawn && this.stream?.isTTY) this.stream.write('\n');
  }

  private draw(force: boolean): void {
    if (!this.stream || this.toRun === 0) return;
    const now = Date.now();
    const every = this.stream.isTTY ? TTY_EVERY_MS : LOG_EVERY_MS;
    if (!force && now - this.lastDraw < every) return;
    this.lastDraw = now;
    this.drawn = true;
    let work = this.done;
    for (const f of this.partial.values()) work += f;
    const frac = Math.min(1, work / this.toRun);
    const elapsed = now - this.started;
    const eta = frac > 0 ? clock((elapsed * (1 - frac)) / frac) : '?';
    const filled = Math.round(frac * WIDTH);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}]`;
    const resumed = this.resumed > 0 ? ` (+${this.resumed} resumed)` : '';
    const line = `${bar} ${this.done}/${this.toRun} runs${resumed}  ${(100 * frac).toFixed(0)}%  elapsed ${clock(elapsed)}  ETA ${eta}`;
    this.stream.write(this.stream.isTTY ? `\r${line}  ` : `${line}\n`);
  }
}
