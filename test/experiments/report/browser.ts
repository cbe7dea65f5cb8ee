// Opens a report in Debian's chromium, headless, through playwright-core, and tells what a reader
// would see: whether every chart drew an SVG, what the console said, and any request that left
// the file (a report must open offline). Chromium is looked for at /usr/bin/chromium; in CI
// (CI=true) a missing one is a failure, elsewhere the tests say they skip.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env['SIM_CHROMIUM'] ?? '/usr/bin/chromium';

/** Null when chromium can run here; otherwise why not. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `no chromium at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`;
}

export interface PageCheck {
  readonly rendered: string | null;
  readonly status: { charts: number; rendered: number; errors: string[] } | null;
  /** Per chart container id: number of <svg> and <canvas> elements inside. */
  readonly charts: Record<string, number>;
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  /** Every request to anything but the report file itself. */
  readonly requests: string[];
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Opens `file`, waits for the charts to finish (or fail), runs `act` on the page, and reports. */
export async function openReport<T = void>(file: string, act?: (page: Page) => Promise<T>): Promise<{ check: PageCheck; acted: T | undefined }> {
  const profile = mkdtempSync(join(tmpdir(), 'sim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    const requests: string[] = [];
    const url = pathToFileURL(file).href;
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u === url) return route.continue();
      requests.push(u);
      return route.abort();
    });
    await page.goto(url);
    await page.waitForSelector('body[data-rendered]', { timeout: 60_000 });
    const rendered = await page.getAttribute('body', 'data-rendered');
    const status = (await page.evaluate('window.reportStatus ?? null')) as PageCheck['status'];
    const charts = (await page.evaluate(
      `Object.fromEntries([...document.querySelectorAll('.chart')].map((d) => [d.id, d.querySelectorAll('svg, canvas').length]))`,
    )) as Record<string, number>;
    const acted = act ? await act(page) : undefined;
    return { check: { rendered, status, charts, consoleErrors, pageErrors, requests }, acted };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
