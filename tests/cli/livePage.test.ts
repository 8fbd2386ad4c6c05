import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanUp, freePort, startCli, waitForReady } from './cli.js';

// The page functions below run in Chromium; Node's types have no DOM.
interface PageElement {
  readonly dataset: Record<string, string | undefined>;
  readonly textContent: string | null;
}
declare const document: {
  querySelectorAll(selector: string): Iterable<PageElement> & { readonly length: number };
  querySelector(selector: string): PageElement | null;
  getElementById(id: string): PageElement | null;
};
const CHROMIUM = '/usr/bin/chromium';

let browser: Browser | undefined;

beforeAll(buildCli, 120_000);
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  await cleanUp();
});

interface Row {
  id: string;
  pid: string;
  state: string;
  restarts: number;
}

function readRows(): Row[] {
  return [...document.querySelectorAll('tr[data-worker]')].map((tr) => ({
    id: tr.dataset.worker ?? '',
    pid: tr.dataset.pid ?? '',
    state: tr.dataset.state ?? '',
    restarts: Number(tr.dataset.restarts),
  }));
}

describe('the live status page', () => {
  it('shows the workers in headless Chromium and updates when one is killed', async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
    const port = await freePort();
    const cli = startCli([
      'run',
      ...['--workers', '2', '--status-port', String(port)],
      ...['--heartbeat-interval-ms', '300'],
    ]);
    const base = `http://127.0.0.1:${port}`;
    await waitForReady(cli, base);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/`);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('tr[data-worker][data-state="ready"]').length === 2 &&
        document.getElementById('connection')?.dataset.connected === 'true',
      undefined,
      { timeout: 10_000 },
    );
    const before = await page.evaluate(readRows);
    expect(before.map((r) => r.id).sort()).toEqual(['pool.w1', 'pool.w2']);
    expect(before.every((r) => /^\d+$/.test(r.pid) && r.restarts === 0)).toBe(true);
    expect(await page.evaluate(() => document.getElementById('readiness')?.dataset.ready)).toBe(
      'true',
    );

    const victim = before.find((r) => r.id === 'pool.w1')!;
    process.kill(Number(victim.pid), 'SIGKILL');
    await page.waitForFunction(
      (oldPid: string) => {
        const row = document.querySelector('tr[data-worker="pool.w1"]');
        return (
          row?.dataset.restarts === '1' &&
          row.dataset.state === 'ready' &&
          row.dataset.pid !== '' &&
          row.dataset.pid !== oldPid
        );
      },
      victim.pid,
      { timeout: 15_000 },
    );
    const timeline = await page.evaluate(() =>
      [...document.querySelectorAll('#timeline li')].map((li) => li.textContent ?? ''),
    );
    expect(
      timeline.some((line) => /restarted.*pool\.w1 restarted \(#1.*signal SIGKILL/.test(line)),
    ).toBe(true);
    expect(
      await page.evaluate(() => document.querySelector('[data-tile="restarts"] .n')?.textContent),
    ).toBe('1');
    // Heartbeat latencies (sparklines) arrive with the periodic status events.
    await page.waitForFunction(
      () => document.querySelectorAll('svg.spark polyline').length === 2,
      undefined,
      { timeout: 10_000 },
    );

    const path = join(tmpdir(), `snakepit-live-page-${process.pid}.png`);
    await page.screenshot({ path, fullPage: true });
    const png = readFileSync(path);
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.readUInt32BE(16)).toBe(1280); // IHDR width
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(800); // IHDR height
    expect(png.length).toBeGreaterThan(20_000);
    console.log(`live page screenshot: ${path}`);
  });
});
