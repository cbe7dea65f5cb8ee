// A fuzz case: the files of a fresh working folder and the `sim` arguments to run in it. The
// arbitraries below build cases from the seeds by structured mutations; every case is plain data,
// so it can be printed, written out as a reproducer and regenerated from (seed, index).
import fc from 'fast-check';
import { applyJsonMutation, describeJsonMutation, JSON_OPS, type JsonMutation, type JsonOp } from './json-mutate.ts';
import { toJsonText } from './json-text.ts';
import { applyTextMutation, TEXT_OPS, type TextMutation } from './text-mutate.ts';
import { applyTraceMutation, TRACE_OPS, type TraceMutation } from './trace-mutate.ts';
import { scenarioSeeds, sweepSeeds, trace2019Files, trace2021Text, TRACE2019_DIR, TRACE2021_FILE, type ScenarioSeed } from './seeds.ts';

export type Family = 'scenario' | 'trace2019' | 'trace2021' | 'sweep' | 'cli';
export const FAMILIES: readonly Family[] = ['scenario', 'trace2019', 'trace2021', 'sweep', 'cli'];

/** File contents by path relative to the working folder; null makes an empty directory. */
export type Files = Record<string, string | Buffer | null>;

export interface FuzzCase {
  readonly family: Family;
  /** What was done to the seed, for reports. */
  readonly mutation: string;
  readonly files: Files;
  readonly args: string[];
  /** Run as a real child process (`node bin/sim.mjs`) rather than in a pooled worker. */
  readonly spawn: boolean;
}

const SCENARIOS = scenarioSeeds();
const SWEEPS = sweepSeeds();
const TRACE_SCENARIOS = { trace2019: SCENARIOS.find((s) => s.name === 'azure-sample')!, trace2021: SCENARIOS.find((s) => s.name === 'azure2021-tiny')! };

/** Files every case starts with: the two tiny traces and things an output must not destroy. */
function baseFiles(): Files {
  const files: Files = {
    [TRACE2021_FILE]: trace2021Text(),
    'existing.txt': 'keep me\n',
    'keep/data.txt': 'keep me too\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
    'README.md': '# a repository\n',
  };
  for (const [name, text] of Object.entries(trace2019Files())) files[`${TRACE2019_DIR}/${name}`] = text;
  return files;
}

// Deep nesting is rare: it fails the same way wherever it lands and would drown the other findings.
const JSON_OP_WEIGHTS: Record<JsonOp, number> = { leaf: 8, retype: 3, delete: 3, 'unknown-field': 2, 'grow-array': 1, 'deep-nest': 1 };
const jsonOp = fc.oneof(...JSON_OPS.map((op) => ({ weight: JSON_OP_WEIGHTS[op], arbitrary: fc.constant(op) })));
const jsonMutation: fc.Arbitrary<JsonMutation> = fc.record({ op: jsonOp, at: fc.nat(), pick: fc.nat() });
// Text mutations are the exception: most cases keep valid JSON so the mutation reaches the schema.
const textMutation: fc.Arbitrary<TextMutation> = fc.record({
  op: fc.oneof({ weight: 6, arbitrary: fc.constant('none' as const) }, { weight: 1, arbitrary: fc.constantFrom(...TEXT_OPS) }),
  at: fc.nat(),
});
const traceMutation: fc.Arbitrary<TraceMutation> = fc.record({
  op: fc.constantFrom(...TRACE_OPS),
  file: fc.nat(),
  row: fc.nat(),
  col: fc.nat(),
  pick: fc.nat(),
});

function mutateDoc(doc: unknown, muts: readonly JsonMutation[], text: TextMutation): { content: string | Buffer; desc: string } {
  let cur = structuredClone(doc);
  const descs: string[] = [];
  for (const m of muts) {
    descs.push(describeJsonMutation(cur, m));
    cur = applyJsonMutation(cur, m);
  }
  if (text.op !== 'none') descs.push(`text:${text.op}#${text.at}`);
  return { content: applyTextMutation(toJsonText(cur), text), desc: descs.join(' ') };
}

const RUN_TAIL = ['--out', 'out', '--quiet'];

const scenarioCase = fc
  .record({ seed: fc.nat(), muts: fc.array(jsonMutation, { minLength: 1, maxLength: 3 }), text: textMutation, defaultOut: fc.boolean() })
  .map(({ seed, muts, text, defaultOut }): Omit<FuzzCase, 'spawn'> => {
    const s = SCENARIOS[seed % SCENARIOS.length]!;
    const { content, desc } = mutateDoc(s.doc, muts, text);
    // Without --out the run folder is runs/<name>, which puts the mutated name into a path.
    return {
      family: 'scenario',
      mutation: `${s.name}: ${desc}`,
      files: { ...baseFiles(), 'scenario.json': content },
      args: ['run', 'scenario.json', ...(defaultOut ? ['--quiet'] : RUN_TAIL)],
    };
  });

function traceCase(family: 'trace2019' | 'trace2021') {
  return fc
    .record({ muts: fc.array(traceMutation, { minLength: 1, maxLength: 2 }), inspect: fc.integer({ min: 0, max: 3 }) })
    .map(({ muts, inspect }): Omit<FuzzCase, 'spawn'> => {
      const seed: ScenarioSeed = TRACE_SCENARIOS[family];
      const files = baseFiles();
      const prefix = family === 'trace2019' ? `${TRACE2019_DIR}/` : '';
      let trace: Record<string, string> | null = {};
      for (const [k, v] of Object.entries(files))
        if (family === 'trace2019' ? k.startsWith(prefix) : k === TRACE2021_FILE) trace[k.slice(prefix.length)] = v as string;
      for (const k of Object.keys(trace)) delete files[prefix + k];
      for (const m of muts) trace = trace === null ? null : applyTraceMutation(trace, m);
      if (trace === null) files[family === 'trace2019' ? TRACE2019_DIR : `${TRACE2021_FILE}/x`] = 'not a folder\n';
      else for (const [k, v] of Object.entries(trace)) files[prefix + k] = v;
      files['scenario.json'] = toJsonText(seed.doc);
      // `trace inspect` reads 2019 folders; a quarter of the 2019 cases go through it instead of a run.
      const args = family === 'trace2019' && inspect === 0 ? ['trace', 'inspect', TRACE2019_DIR] : ['run', 'scenario.json', ...RUN_TAIL];
      return { family, mutation: `${seed.name}: ${muts.map((m) => `${m.op}(f${m.file},r${m.row},c${m.col},#${m.pick})`).join(' ')}`, files, args };
    });
}

const SHARDS = ['1/2', '2/2', '0/2', '3/2', '1/0', '-1/2', '1.5/2', 'a/b', '', '1/', '/2', '1/1e999', '1/9007199254740993', ' 1 / 2 ', '１/２'];

const sweepCase = fc
  .record({
    seed: fc.nat(),
    muts: fc.array(jsonMutation, { minLength: 0, maxLength: 2 }),
    baseMuts: fc.array(jsonMutation, { maxLength: 1 }),
    text: textMutation,
    shard: fc.option(fc.constantFrom(...SHARDS), { freq: 4 }),
  })
  .map(({ seed, muts, baseMuts, text, shard }): Omit<FuzzCase, 'spawn'> => {
    const s = SWEEPS[seed % SWEEPS.length]!;
    const sweep = mutateDoc(s.doc, muts, text);
    const base = mutateDoc(s.base, baseMuts, { op: 'none', at: 0 });
    const args = ['sweep', 'sweep.json', '--jobs', '1', '--quiet', '--out', 'sw', ...(shard === null ? [] : ['--shard', shard])];
    const desc = `${s.name}: sweep[${sweep.desc}] base[${base.desc}]${shard === null ? '' : ` shard=${JSON.stringify(shard)}`}`;
    return { family: 'sweep', mutation: desc, files: { ...baseFiles(), 'sweep.json': sweep.content, 'base.json': base.content }, args };
  });

const ODD_SETS = [
  '',
  '=',
  '=1',
  'a',
  'duration',
  '__proto__.x=1',
  'constructor.prototype.polluted=1',
  '__proto__=1',
  'functions[99999999].memory=1GiB',
  'fleet.nodes[0]=null',
  'duration=1e999s',
  'duration=-0s',
  'duration=0s',
  'duration=1e308',
  'fleet.nodes[1000].count=1',
  'fleet..nodes=1',
  'functions[-1].memory=1',
  'name=../up',
  'name=',
  'name=.',
  'name=' + 'n'.repeat(300),
  'seed=1e308',
  'seed=NaN',
  'seed=-1',
  'version=2',
  'output.invocations=0.5',
  'output.invocations=-1',
  'output.invocations=1e-300',
  'output.timeseries=0s',
  'output.timeseries=1e-300s',
  'policies.keepAlive=fixed(ttl=-1m)',
  'workload=[]',
  'functions=[]',
  'fleet.nodes=[]',
  'workload[0]={}',
  'fleet.nodes[0].count=1e15',
  'fleet.nodes[0].count=2147483648',
  'fleet.nodes[0].memory=1e308GiB',
  'fleet.nodes[0].cores=0',
  'platform.maxQueueWait=1e999s',
  'fleet.nodes[0].count.x=1',
  'a.b.c.d.e=1',
  '[0]=1',
  'workload[0].poisson.rate=1e9/s',
];
const SEEDS = ['3', '-1', 'NaN', '1e308', '9007199254740993', 'abc', '', '1.5', '0x10', '-0', 'Infinity', '2147483648'];
const OUTS = ['existing.txt', 'keep', '.', '', 'existing.txt/sub', '..', 'runs', 'keep/.', TRACE2019_DIR, '.git', 'out/../out2', 'o'.repeat(300), 'ü𝄞'];
const JOBS = ['0', '-1', '1.5', 'NaN', '1e9', 'abc', ''];
const COUNTS = ['0', '-1', '1.5', 'NaN', 'abc', '', '1e308', '2147483648', '2'];

/** Argument vectors around valid commands; a function of the scenario seed (for --set and --out). */
const cliArgs: fc.Arbitrary<{ args: string[]; desc: string }> = fc.oneof(
  fc
    .constantFrom(
      ['run', 'scenario.json', '--seeed', '3'],
      ['run', 'scenario.json', '--shards', '1/4'],
      ['run'],
      ['run', 'scenario.json', 'extra.json'],
      ['run', 'missing.json'],
      ['run', TRACE2019_DIR],
      ['run', TRACE2021_FILE],
      ['run', 'existing.txt'],
      ['run', 'scenario.json', '--quiet=maybe'],
      ['run', 'scenario.json', '--out'],
      ['run', 'scenario.json', '--seed'],
      ['run', 'scenario.json', '--set'],
      ['run', '--', 'scenario.json'],
      [],
      ['nonsense'],
      ['schema', 'extra'],
      ['validate', 'bogus'],
      ['trace'],
      ['trace', 'inspect'],
      ['trace', 'inspect', 'missing'],
      ['trace', 'inspect', 'existing.txt'],
      ['trace', 'inspect', TRACE2021_FILE],
      ['merge', '--out', 'm'],
      ['merge', 'keep', '--out', 'm'],
      ['merge', 'missing', '--out', 'm'],
      ['merge', 'keep', 'keep', '--out', 'keep'],
      ['sweep', 'scenario.json', '--jobs', '1'],
      ['sweep', 'missing.json'],
      ['sweep'],
    )
    .map((args) => ({ args: [...args], desc: 'fixed' })),
  fc
    .array(fc.constantFrom(...ODD_SETS), { minLength: 1, maxLength: 2 })
    .map((sets) => ({ args: ['run', 'scenario.json', ...RUN_TAIL, ...sets.flatMap((s) => ['--set', s])], desc: 'set' })),
  fc.constantFrom(...SEEDS).map((s) => ({ args: ['run', 'scenario.json', ...RUN_TAIL, '--seed', s], desc: 'seed' })),
  fc.constantFrom(...OUTS).map((o) => ({ args: ['run', 'scenario.json', '--quiet', '--out', o], desc: 'out' })),
  fc.constantFrom(...OUTS).map((o) => ({ args: ['sweep', 'sweep.json', '--jobs', '1', '--quiet', '--out', o], desc: 'sweep-out' })),
  fc.constantFrom(...JOBS).map((j) => ({ args: ['sweep', 'sweep.json', '--quiet', '--out', 'sw', '--jobs', j], desc: 'jobs' })),
  // A divided fleet: edge cell counts, parts and thread counts (a part runs into a partial folder).
  fc
    .record({
      k: fc.constantFrom(...COUNTS, '3'),
      part: fc.option(fc.constantFrom(...SHARDS), { freq: 2 }),
      threads: fc.option(fc.constantFrom(...JOBS, '2'), { freq: 2 }),
    })
    .map(({ k, part, threads }) => ({
      args: [
        'run',
        'scenario.json',
        ...RUN_TAIL,
        '--set',
        `fleet.cells=${k}`,
        ...(part === null ? [] : ['--cells', part]),
        ...(threads === null ? [] : ['--threads', threads]),
      ],
      desc: 'cells',
    })),
  fc
    .record({ f: fc.constantFrom(...COUNTS), d: fc.constantFrom(...COUNTS), s: fc.constantFrom(...SEEDS), o: fc.constantFrom('ts', ...OUTS) })
    .map(({ f, d, s, o }) => ({
      args: ['trace', 'synth', '--out', o, '--functions', f, '--days', d, '--seed', s],
      desc: 'synth',
    })),
);

const cliCase = fc.record({ seed: fc.nat(), cli: cliArgs }).map(({ seed, cli }): Omit<FuzzCase, 'spawn'> => {
  const s = SCENARIOS[seed % SCENARIOS.length]!;
  const sw = SWEEPS[seed % SWEEPS.length]!;
  const files: Files = { ...baseFiles(), 'scenario.json': toJsonText(s.doc), 'sweep.json': toJsonText(sw.doc), 'base.json': toJsonText(sw.base) };
  return { family: 'cli', mutation: `${cli.desc} on ${s.name}/${sw.name}`, files, args: cli.args };
});

export interface CaseOptions {
  /** Families to draw from (default all). */
  readonly families?: readonly Family[];
}

export function caseArbitrary(opts: CaseOptions = {}): fc.Arbitrary<FuzzCase> {
  const fams = opts.families ?? FAMILIES;
  const byFamily: Record<Family, fc.Arbitrary<Omit<FuzzCase, 'spawn'>>> = {
    scenario: scenarioCase,
    trace2019: traceCase('trace2019'),
    trace2021: traceCase('trace2021'),
    sweep: sweepCase,
    cli: cliCase,
  };
  const weights: Record<Family, number> = { scenario: 4, trace2019: 2, trace2021: 1, sweep: 1, cli: 2 };
  // yargs' --help and --version end the process, which a pooled worker cannot survive.
  return fc
    .oneof(...fams.map((f) => ({ weight: weights[f], arbitrary: byFamily[f] })))
    .map((c) => ({ ...c, spawn: c.args.some((a) => /^--?(help|h|version)$/.test(a)) }));
}

/** Every k-th case (by index) also runs as a real child process; k = round(1 / fraction). */
export function withSpawn(c: FuzzCase, index: number, fraction: number): FuzzCase {
  const every = fraction > 0 ? Math.max(1, Math.round(1 / fraction)) : Infinity;
  return index % every === 0 ? { ...c, spawn: true } : c;
}

/** The seeds themselves, unmutated: one case per scenario (run), trace (inspect) and sweep. */
export function seedCases(): FuzzCase[] {
  const out: FuzzCase[] = SCENARIOS.map((s) => ({
    family: 'scenario',
    mutation: `${s.name}: none`,
    files: { ...baseFiles(), 'scenario.json': toJsonText(s.doc) },
    args: ['run', 'scenario.json', ...RUN_TAIL],
    spawn: false,
  }));
  out.push({ family: 'trace2019', mutation: 'inspect: none', files: baseFiles(), args: ['trace', 'inspect', TRACE2019_DIR], spawn: false });
  for (const s of SWEEPS) {
    out.push({
      family: 'sweep',
      mutation: `${s.name}: none`,
      files: { ...baseFiles(), 'sweep.json': toJsonText(s.doc), 'base.json': toJsonText(s.base) },
      args: ['sweep', 'sweep.json', '--jobs', '1', '--quiet', '--out', 'sw'],
      spawn: false,
    });
  }
  // One through the real process, so the pooled worker and the CLI are seen to agree on a clean run.
  out.push({ ...out[0]!, spawn: true });
  return out;
}
