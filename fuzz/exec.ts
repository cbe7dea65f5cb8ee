// Running cases: each gets a fresh folder (<root>/<id>/w is the working folder, <root>/<id>/tmp
// its TMPDIR), and runs either in a pooled worker process (fuzz/worker.mjs) or as a real
// `node bin/sim.mjs` child. Both are killed at the time bound.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Files, FuzzCase } from './cases.ts';
import { REPO } from './seeds.ts';

export interface Outcome {
  /** Exit code; null when killed. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  /** The process died other than by returning (signal, out of memory, process.exit). */
  readonly crashed: boolean;
  readonly ms: number;
  /** Properties the command added to built-in prototypes (pooled workers only). */
  readonly polluted?: readonly string[];
}

export function materialise(dir: string, files: Files): void {
  mkdirSync(dir, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    if (content === null) {
      mkdirSync(p, { recursive: true });
      continue;
    }
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

const LIMIT = 64 * 1024;

/** Every child still running, so an interrupted run can stop them before removing their folders. */
const live = new Set<ChildProcess>();
function track(p: ChildProcess): ChildProcess {
  live.add(p);
  p.once('exit', () => live.delete(p));
  return p;
}
export function killAll(): void {
  for (const p of live) p.kill('SIGKILL');
}
const SIM = join(REPO, 'bin', 'sim.mjs');
const WORKER = join(REPO, 'fuzz', 'worker.mjs');
// Bounds a runaway allocation (a fleet of 1e15 nodes) well below the machine's memory. Through
// NODE_OPTIONS, not a node flag: worker threads inherit process.execArgv, and Node refuses a
// thread started with --max-old-space-size (the CLI's sweeps then fail on the harness's flag).
const HEAP_ENV = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=1536`.trim() };

function spawnCase(args: readonly string[], cwd: string, tmpdir: string, timeoutMs: number): Promise<Outcome> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = track(
      spawn(process.execPath, [SIM, ...args], { cwd, env: { ...process.env, ...HEAP_ENV, TMPDIR: tmpdir }, stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out.length < LIMIT ? (out += d.toString()) : undefined));
    child.stderr!.on('data', (d: Buffer) => (err.length < LIMIT ? (err += d.toString()) : undefined));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, stdout: out, stderr: err, timedOut, crashed: signal !== null && !timedOut, ms: Date.now() - t0 });
    });
  });
}

interface Slot {
  proc: ChildProcess;
  ready: Promise<void>;
  /** Output the process itself wrote past the capture (worker threads, native code). */
  extra: string;
}

export class Pool {
  private idle: Slot[] = [];
  private waiting: ((s: Slot | null) => void)[] = [];
  private free: number;

  constructor(
    size: number,
    private readonly timeoutMs: number,
  ) {
    this.free = size;
  }

  private start(): Slot {
    const proc = track(fork(WORKER, [], { execArgv: [], env: { ...process.env, ...HEAP_ENV }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], cwd: REPO }));
    const slot: Slot = { proc, extra: '', ready: Promise.resolve() };
    const keep = (d: Buffer) => (slot.extra.length < LIMIT ? (slot.extra += d.toString()) : undefined);
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    slot.ready = new Promise((res, rej) => {
      proc.once('message', () => res());
      proc.once('exit', (c) => rej(new Error(`fuzz worker exited with ${c} before it was ready: ${slot.extra}`)));
    });
    return slot;
  }

  private async acquire(): Promise<Slot | null> {
    const s = this.idle.pop();
    if (s) return s;
    if (this.free > 0) {
      this.free--;
      return null; // the caller starts one
    }
    return new Promise((res) => this.waiting.push(res));
  }

  private release(s: Slot | null): void {
    const w = this.waiting.shift();
    if (w) w(s);
    else if (s) this.idle.push(s);
    else this.free++;
  }

  /** Runs a case whose folder is already materialised. */
  async run(c: FuzzCase, cwd: string, tmpdir: string): Promise<Outcome> {
    let slot = await this.acquire();
    if (c.spawn) {
      try {
        return await spawnCase(c.args, cwd, tmpdir, this.timeoutMs);
      } finally {
        this.release(slot);
      }
    }
    if (slot === null) slot = this.start();
    await slot.ready;
    slot.extra = '';
    const t0 = Date.now();
    const s = slot;
    const outcome = await new Promise<Outcome & { dead: boolean }>((resolve) => {
      let done = false;
      const finish = (o: Omit<Outcome, 'ms'> & { dead: boolean }) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        s.proc.removeListener('message', onMessage);
        s.proc.removeListener('exit', onExit);
        resolve({ ...o, ms: Date.now() - t0 });
      };
      // A polluted process is retired like a dead one, so the pollution cannot reach later cases.
      const onMessage = (m: { code: number; stdout: string; stderr: string; polluted: string[] }) =>
        finish({
          code: m.code,
          stdout: m.stdout,
          stderr: m.stderr + s.extra,
          timedOut: false,
          crashed: false,
          dead: m.polluted.length > 0,
          polluted: m.polluted,
        });
      const onExit = (code: number | null, signal: string | null) =>
        finish({ code, stdout: '', stderr: `${s.extra}\n(worker process ended: code ${code}, signal ${signal})`, timedOut: false, crashed: true, dead: true });
      const timer = setTimeout(() => {
        s.proc.kill('SIGKILL');
        finish({ code: null, stdout: '', stderr: s.extra, timedOut: true, crashed: false, dead: true });
      }, this.timeoutMs);
      s.proc.on('message', onMessage);
      s.proc.once('exit', onExit);
      s.proc.send({ cwd, tmpdir, args: c.args });
    });
    if (outcome.dead) {
      s.proc.kill('SIGKILL');
      this.release(null);
    } else this.release(s);
    return outcome;
  }

  close(): void {
    for (const s of this.idle) s.proc.kill('SIGKILL');
    this.idle = [];
  }
}
