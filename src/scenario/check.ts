// Semantic checks of a schema-valid scenario: everything that makes it impossible to run, each
// reported with its JSON path, all at once.
import { parseDuration, parseMemoryMiB } from '../engine/units.ts';
import { buildAutoscaler, buildKeepAlive, buildPlacement } from '../policy/registry.ts';
import { listDevicePresets } from '../model/storage/presets.ts';
import type { InputProblem } from '../input/errors.ts';
import { distributionProblem, payloadProblem } from './distributions.ts';
import { MAX_NODES, MAX_TIMESERIES_ROWS } from '../input/limits.ts';
import { MINUTES_PER_DAY } from '../workload/azure2019/counts.ts';
import { cellProblems } from './cells.ts';
import { patternProblem } from '../model/workflow/spec.ts';
import { profileDefaults, profileNames } from './profiles.ts';
import type { ResolvedScenario } from './schema.ts';
import { platformProblems } from './check-platform.ts';

export const DEFAULT_FUNCTION_MEMORY = '256MiB';

export function functionMemoryMiB(f: ResolvedScenario['functions'][number]): number {
  if (f.memory !== undefined) return parseMemoryMiB(f.memory);
  if (f.profile !== undefined) {
    const p = profileDefaults(f.profile);
    if (p) return p.memoryMiB;
  }
  return parseMemoryMiB(DEFAULT_FUNCTION_MEMORY);
}

export function checkScenario(s: ResolvedScenario, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (where: string, message: string) => problems.push({ file, where, message });

  // The schema bounds each of these; their combinations are bounded here.
  const rows = Math.ceil(parseDuration(s.duration) / parseDuration(s.output.timeseries));
  if (rows > MAX_TIMESERIES_ROWS) {
    add(
      'output.timeseries',
      `duration ${s.duration} / output.timeseries ${s.output.timeseries} gives ${rows} time-series rows; expected at most ${MAX_TIMESERIES_ROWS} (raise output.timeseries or shorten duration)`,
    );
  }
  const series = s.output.functionTimeseries;
  if (series && (series.functions.length + series.top) * rows > MAX_TIMESERIES_ROWS) {
    add(
      'output.functionTimeseries',
      `${series.functions.length + series.top} functions x ${rows} samples gives ${(series.functions.length + series.top) * rows} rows; expected at most ${MAX_TIMESERIES_ROWS} (fewer functions, or raise output.timeseries)`,
    );
  }
  let totalNodes = 0;
  for (const g of s.fleet.nodes) totalNodes += g.count;
  if (totalNodes > MAX_NODES) add('fleet.nodes', `${totalNodes} nodes in all; expected at most ${MAX_NODES}`);
  problems.push(...cellProblems(s, file));

  const disks = listDevicePresets();
  if (!profileDefaults(s.coldStart.fallbackProfile)) {
    add('coldStart.fallbackProfile', `unknown profile "${s.coldStart.fallbackProfile}" (known: ${profileNames().join(', ')})`);
  }
  let maxNodeMiB = 0;
  s.fleet.nodes.forEach((g, i) => {
    if (!disks.includes(g.disk)) add(`fleet.nodes[${i}].disk`, `unknown disk "${g.disk}" (known: ${disks.join(', ')})`);
    const m = parseMemoryMiB(g.memory);
    if (m < 1) add(`fleet.nodes[${i}].memory`, `${g.memory} is less than 1 MiB; did you mean "${g.memory}GiB"?`);
    maxNodeMiB = Math.max(maxNodeMiB, m);
  });

  if (s.functions.length === 0 && !s.workload.some((w) => 'azure2019' in w || 'azure2021' in w)) {
    add('functions', 'declare at least one function, or replay a trace');
  }
  const names = new Map<string, number>();
  s.functions.forEach((f, i) => {
    const at = `functions[${i}]`;
    if (names.has(f.name)) add(`${at}.name`, `"${f.name}" is already used by functions[${names.get(f.name)}]`);
    else names.set(f.name, i);
    if (f.profile !== undefined && !profileDefaults(f.profile)) {
      add(`${at}.profile`, `unknown profile "${f.profile}" (known: ${profileNames().join(', ') || 'none'})`);
      return;
    }
    if (f.execution === undefined && f.profile === undefined) {
      add(`${at}.execution`, 'required unless a profile gives the execution time');
    }
    const mem = functionMemoryMiB(f);
    if (f.memory !== undefined && mem < 1) add(`${at}.memory`, `${f.memory} is less than 1 MiB; did you mean "${f.memory}MiB"?`);
    else if (mem > maxNodeMiB) {
      add(`${at}.memory`, `${mem} MiB does not fit on any node (largest node: ${maxNodeMiB} MiB)`);
    }
    for (const key of ['execution', 'coldStart'] as const) {
      const d = f[key];
      if (d === undefined) continue;
      const problem = distributionProblem(d);
      if (problem) add(`${at}.${key}`, problem);
    }
  });

  s.workload.forEach((w, i) => {
    if ('azure2019' in w || 'azure2021' in w) {
      const t = 'azure2019' in w ? w.azure2019 : w.azure2021;
      const at = `workload[${i}].${'azure2019' in w ? 'azure2019' : 'azure2021'}`;
      if (t.profile !== undefined && !profileDefaults(t.profile)) add(`${at}.profile`, `unknown profile "${t.profile}"`);
      if (t.windowMinutes && t.windowMinutes[1] <= t.windowMinutes[0]) add(`${at}.windowMinutes`, 'end must be after start');
      if (t.windowMinutes && 'azure2019' in w) {
        const minutes = w.azure2019.days.length * MINUTES_PER_DAY;
        if (t.windowMinutes[1] > minutes) {
          add(`${at}.windowMinutes`, `[${t.windowMinutes.join(', ')}] ends past the ${minutes} minutes of the ${w.azure2019.days.length} day(s) replayed`);
        }
      }
      return;
    }
    const [kind, body] = Object.entries(w)[0] as [string, { function?: string; workflow?: string; start: string | number; end?: string | number }];
    const at = `workload[${i}].${kind}`;
    if ((body.function === undefined) === (body.workflow === undefined)) {
      add(at, 'give exactly one of "function" and "workflow"');
    } else if (body.function !== undefined && !names.has(body.function)) {
      add(`${at}.function`, `no function named "${body.function}"`);
    } else if (body.workflow !== undefined && !s.workflows.some((wf) => wf.name === body.workflow)) {
      add(`${at}.workflow`, `no workflow named "${body.workflow}"`);
    }
    const end = body.end !== undefined ? parseDuration(body.end) : parseDuration(s.duration);
    if (parseDuration(body.start) >= end) add(`${at}.start`, 'must be before end');
  });

  const wfNames = new Set<string>();
  s.workflows.forEach((wf, w) => {
    const at = `workflows[${w}]`;
    if (wfNames.has(wf.name)) add(`${at}.name`, `"${wf.name}" is already used`);
    wfNames.add(wf.name);
    const stages = new Map<string, { fanout: number; name: string }>();
    wf.stages.forEach((st, k) => {
      const sat = `${at}.stages[${k}]`;
      if (stages.has(st.name)) add(`${sat}.name`, `stage "${st.name}" is already used in this workflow`);
      if (!names.has(st.function)) add(`${sat}.function`, `no function named "${st.function}"`);
      const problem = payloadProblem(st.payload);
      if (problem) add(`${sat}.payload`, problem);
      const listed = new Set<string>();
      const repeated = new Set<string>();
      st.after.forEach((a, n) => {
        // A repeated name is reported once, at its first repeat (a list of 2,000 repeats is one problem).
        if (listed.has(a)) {
          if (!repeated.has(a)) {
            repeated.add(a);
            add(`${sat}.after[${n}]`, `"${a}" is listed twice`);
          }
          return;
        }
        listed.add(a);
        const from = stages.get(a);
        if (!from) add(`${sat}.after[${n}]`, `no earlier stage named "${a}"`);
        else {
          const problem = patternProblem(from, st);
          if (problem) add(`${sat}.pattern`, problem);
        }
      });
      if (st.after.length === 0 && st.pattern !== 'pipeline') add(`${sat}.pattern`, 'a stage without inputs has no pattern');
      stages.set(st.name, st);
    });
  });

  const ctx = { random: () => ({ next: () => 0 }) };
  const policies: [string, (t: string, c: typeof ctx) => unknown][] = [
    ['placement', buildPlacement],
    ['autoscaler', buildAutoscaler],
    ['keepAlive', buildKeepAlive],
  ];
  for (const [key, build] of policies) {
    try {
      build(s.policies[key as keyof typeof s.policies], ctx);
    } catch (e) {
      add(`policies.${key}`, (e as Error).message);
    }
  }
  problems.push(...platformProblems(s, file));
  const delayProblem = distributionProblem(s.coldStart.delay);
  if (delayProblem) add('coldStart.delay', delayProblem);
  return problems;
}
