// `sim report` end to end: the HTML of a run and of a sweep opened in a real headless chromium,
// where every chart must draw an SVG with nothing on the console and no request leaving the
// file; the output-path rules; byte-identical reports of the same folder.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { simCli } from '../../helpers.ts';
import { REPORT_MARKER } from '../../../src/experiments/report/page.ts';
import { chromiumMissing, openReport } from './browser.ts';

const tiny = {
  version: 1,
  name: 'tiny',
  duration: '30s',
  fleet: { nodes: [{ count: 1, cores: 2, memory: '2GiB' }] },
  functions: [
    { name: 'f', memory: '128MiB', execution: '5ms' },
    { name: 'g', memory: '128MiB', execution: '50ms' },
  ],
  workload: [{ poisson: { function: 'f', rate: '5/s' } }, { poisson: { function: 'g', rate: '1/s' } }],
  policies: { keepAlive: 'fixed(ttl=2s)' },
  output: { timeseries: '5s' },
};

const sweep = {
  version: 1,
  name: 'tiny-sweep',
  base: 'tiny.json',
  set: { duration: '10s', 'output.invocations': false },
  axes: { 'policies.keepAlive': ['fixed(ttl=1s)', 'fixed(ttl=1m)'], 'functions[0].memory': ['128MiB', '256MiB'] },
  seeds: [1, 2],
  metrics: ['latencyMs.coldInvocationWait.p50'],
};

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sim-report-'));
  writeFileSync(join(root, 'tiny.json'), JSON.stringify(tiny));
  writeFileSync(join(root, 'sweep.json'), JSON.stringify(sweep));
  expect(simCli(['run', 'tiny.json', '--out', 'run', '--quiet'], root).code).toBe(0);
  expect(simCli(['sweep', 'sweep.json', '--out', 'sw', '--quiet', '--jobs', '1'], root).code).toBe(0);
  expect(simCli(['report', 'run', '--quiet'], root)).toMatchObject({ code: 0, stderr: '' });
  expect(simCli(['report', 'sw', '--out', 'sw.html', '--quiet'], root)).toMatchObject({ code: 0, stderr: '' });
});

describe('sim report writes one self-contained file', () => {
  it('default name <folder>.report.html, marked as ours, with no external script or link', () => {
    const html = readFileSync(join(root, 'run.report.html'), 'utf8');
    expect(html.split('\n')[1]).toBe(REPORT_MARKER);
    // (The browser test below checks that nothing is fetched; this names the usual culprits.)
    expect(/<script[^>]+src=|<link /i.test(html)).toBe(false);
  });

  it('the same folder gives the same bytes', () => {
    expect(simCli(['report', 'run', '--out', 'again.html', '--quiet'], root).code).toBe(0);
    expect(readFileSync(join(root, 'again.html'), 'utf8')).toBe(readFileSync(join(root, 'run.report.html'), 'utf8'));
  });

  it('replaces its own report; refuses a file of the user (unless --force), a folder or a link, changing nothing', () => {
    expect(simCli(['report', 'run', '--quiet'], root).code).toBe(0);
    writeFileSync(join(root, 'mine.html'), 'my notes\n');
    const refused = simCli(['report', 'run', '--out', 'mine.html'], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/mine\.html: --out: is a file "sim report" did not write: pass --force/);
    expect(readFileSync(join(root, 'mine.html'), 'utf8')).toBe('my notes\n');
    expect(simCli(['report', 'run', '--out', 'mine.html', '--force', '--quiet'], root).code).toBe(0);
    expect(readFileSync(join(root, 'mine.html'), 'utf8').split('\n')[1]).toBe(REPORT_MARKER);
    mkdirSync(join(root, 'adir'));
    expect(simCli(['report', 'run', '--out', 'adir', '--force'], root).stderr).toMatch(/adir: --out: is a folder/);
    symlinkSync(join(root, 'mine.html'), join(root, 'link.html'));
    expect(simCli(['report', 'run', '--out', 'link.html', '--force'], root).stderr).toMatch(/link\.html: --out: is a symbolic link/);
    expect(simCli(['report', 'run', '--out', 'no/such/dir/r.html'], root).stderr).toMatch(/its folder no\/such\/dir does not exist/);
  });

  it('a folder that is neither a run nor a sweep: exit 2, nothing written', () => {
    mkdirSync(join(root, 'empty'));
    const r = simCli(['report', 'empty', '--out', 'e.html'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/empty: has no summary\.json: expected a run folder or sweep output/);
    expect(() => readFileSync(join(root, 'e.html'))).toThrow();
  });
});

const missing = chromiumMissing();
if (missing && process.env['CI'] !== 'true') process.stderr.write(`\nSKIPPING the browser tests of sim report: ${missing}\n\n`);

describe('sim report in a headless chromium', () => {
  it.runIf(process.env['CI'] === 'true')('chromium is installed in CI (.ci/run installs it)', () => {
    expect(missing).toBeNull();
  });

  it.skipIf(missing !== null)('a run: CDF, cold starts and instances charts render, no console message, no request; the table sorts', async () => {
    const { check, acted } = await openReport(join(root, 'run.report.html'), async (page) => {
      const firstCells = () => page.$$eval('table.sortable', (ts) => [...ts[1]!.querySelectorAll('tbody tr')].map((r) => r.children[0]!.textContent));
      const th = page
        .locator('table.sortable')
        .nth(1)
        .locator('th', { hasText: /^arrivals$/ });
      await th.click();
      const asc = await firstCells();
      await th.click();
      return { asc, desc: await firstCells(), sort: await th.getAttribute('aria-sort') };
    });
    expect(check.pageErrors).toEqual([]);
    expect(check.consoleErrors).toEqual([]);
    expect(check.requests).toEqual([]);
    expect(check.rendered).toBe('true');
    expect(check.status).toEqual({ charts: 3, rendered: 3, errors: [] });
    expect(check.charts).toEqual({ 'chart-latency-cdf': 1, 'chart-cold-starts': 1, 'chart-instances': 1 });
    // g has 1/s, f 5/s: ascending by arrivals puts g first.
    expect(acted).toEqual({ asc: ['g', 'f'], desc: ['f', 'g'], sort: 'descending' });
  });

  it.skipIf(missing !== null)('a sweep: one chart per axis and metric, all rendered', async () => {
    const { check } = await openReport(join(root, 'sw.html'));
    expect(check.pageErrors).toEqual([]);
    expect(check.consoleErrors).toEqual([]);
    expect(check.requests).toEqual([]);
    expect(check.rendered).toBe('true');
    const ids = Object.keys(check.charts);
    // 2 axes x (10 key metrics + 1 extra).
    expect(ids).toHaveLength(22);
    expect(ids).toContain('chart-sweep-policies-keepAlive-latencyMs-coldInvocationWait-p50');
    expect(ids).toContain('chart-sweep-functions-0-memory-cost-usd');
    expect(Object.values(check.charts).every((n) => n === 1)).toBe(true);
  });
});
