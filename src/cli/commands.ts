// The `sim` commands as yargs first sees them: usage and description only, the command's module
// loaded by `loadCommand` for the one command the arguments name. `sim --help` then loads no
// command code, and `sim run` none of sweep's or the figures' (start-up, BENCHMARKS.md).
// Each usage and description here must match its module's (test/cli/commands.test.ts checks).
import type { Argv, CommandModule } from 'yargs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commands are generic in their own argument types; a lazy entry only passes arguments through
type AnyCommand = CommandModule<any, any>;

interface Lazy {
  readonly name: string;
  readonly stub: CommandModule;
  readonly load: () => Promise<AnyCommand>;
  loaded: AnyCommand | null;
}

const LAZY: Lazy[] = [];

function lazy(command: string, describe: string, load: () => Promise<AnyCommand>): CommandModule {
  const entry: Lazy = {
    name: command.split(' ')[0]!,
    load,
    loaded: null,
    stub: {
      command,
      describe,
      // yargs builds and runs only the command it chose, and main loads that one first.
      builder: (y: Argv) => {
        const real = loadedOf(entry);
        if (typeof real.builder === 'function') return real.builder(y) as Argv;
        return real.builder !== undefined ? y.options(real.builder) : y;
      },
      handler: (args) => loadedOf(entry).handler(args),
    },
  };
  LAZY.push(entry);
  return entry.stub;
}

function loadedOf(entry: Lazy): AnyCommand {
  if (entry.loaded === null) throw new Error(`command ${entry.name} used before loadCommand loaded it`);
  return entry.loaded;
}

/** Loads the module of the command `argv` names (its first word that is not an option), if any. */
export async function loadCommand(argv: readonly string[]): Promise<void> {
  const word = argv.find((a) => !a.startsWith('-'));
  const entry = LAZY.find((c) => c.name === word);
  if (entry !== undefined && entry.loaded === null) entry.loaded = await entry.load();
}

/** The module behind a stub, loaded (for tests). */
export async function realCommand(stub: CommandModule): Promise<AnyCommand> {
  const entry = LAZY.find((c) => c.stub === stub);
  if (entry === undefined) throw new Error('not a lazy command');
  entry.loaded ??= await entry.load();
  return entry.loaded;
}

export const runCommand = lazy('run <scenario>', 'run a scenario and write its run folder', async () => (await import('./run.ts')).runCommand);
export const sweepCommand = lazy(
  'sweep <sweep>',
  'run a parameter sweep (axes x seeds) on worker threads; resumable and shardable',
  async () => (await import('./sweep.ts')).sweepCommand,
);
export const mergeCommand = lazy(
  'merge <dirs..>',
  'merge sharded sweep outputs, or the partial run folders of `sim run --cells i/n`, into one (identical to an unsharded sweep or run)',
  async () => (await import('./merge.ts')).mergeCommand,
);
export const figuresCommand = lazy(
  'figures [names..]',
  'regenerate paper-style figures (SVG + CSV) from simulator runs',
  async () => (await import('./figures.ts')).figuresCommand,
);
export const compareCommand = lazy(
  'compare <runs..>',
  'compare run folders: every summary metric against the first run, top movers per function, --fail-if checks',
  async () => (await import('./compare.ts')).compareCommand,
);
export const reportCommand = lazy(
  'report <folder>',
  'write one self-contained HTML report (interactive charts, sortable tables) of a run folder or sweep output',
  async () => (await import('./html-report.ts')).reportCommand,
);
export const schemaCommand = lazy('schema', 'print the JSON Schema of scenario files', async () => (await import('./schema.ts')).schemaCommand);
export const validateCommand = lazy(
  'validate <what>',
  'compare the calibrated model with published measurements',
  async () => (await import('./validate.ts')).validateCommand,
);
export const stellarCommand = lazy(
  'stellar [experiments..]',
  "STeLLAR's experiments on the provider presets: median and p99 beside the paper's values",
  async () => (await import('./stellar.ts')).stellarCommand,
);
export const traceCommand = lazy('trace <command>', 'synthesize or inspect Azure-format traces', async () => (await import('./trace.ts')).traceCommand);

/** Every lazy command (for tests). */
export const LAZY_COMMANDS: readonly CommandModule[] = LAZY.map((c) => c.stub);
