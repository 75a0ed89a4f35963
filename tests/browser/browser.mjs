// Shared set-up for the browser tests: the built site on a loopback server, Debian's Chromium via playwright-core,
// and a page that records console errors, CSP violations and every request that leaves the origin.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../serve.mjs';
import { siteDir } from '../node/load-module.mjs';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// serviceWorkers: 'block' when a test routes requests itself (a service worker would answer them first).
// locale: the browser's language (number formats, the exported CSV's separators).
// files: a folder for the files the tests write and give the page (reports, sheets), removed on close;
// site.file(name) is a path in it.
// rawJson: the tests read the input and estimate the page shows from its "as JSON" details, which the page writes
// only while it is open (web/app.js), so every page of the context opens it; the benchmarks pass false, to time the
// page as a person sees it.
export async function openSite({ serviceWorkers = 'allow', locale = 'en-US', files = false, rawJson = true } = {}) {
  const served = await startServer(siteDir);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'ccredits-chromium-'));
  const filesDir = files ? await mkdtemp(path.join(os.tmpdir(), 'ccredits-files-')) : null;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    locale,
    acceptDownloads: true,
    serviceWorkers,
  });
  const problems = [];
  const foreignRequests = [];
  const origin = new URL(served.url).origin;
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  };
  context.on('page', watch);
  context.pages().forEach(watch);
  const page = context.pages()[0] ?? (await context.newPage());
  if (rawJson) {
    await context.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => document.getElementById('raw')?.setAttribute('open', ''));
    });
  }
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return {
    url: served.url,
    context,
    page,
    problems,
    foreignRequests,
    file(name) {
      if (!filesDir) throw new Error('openSite({ files: true }) gives a folder for files');
      return path.join(filesDir, name);
    },
    async close() {
      await context.close();
      await served.close();
      await rm(userDataDir, { recursive: true, force: true });
      if (filesDir) await rm(filesDir, { recursive: true, force: true });
    },
  };
}

// One site for a whole test file: opened before its first test, closed after its last. `use` gets the open site;
// with `ready`, its page has loaded the calculator and said "Ready.".
export function siteForFile(use, { ready = false, ...options } = {}) {
  let site;
  before(async () => {
    site = await openSite(options);
    if (ready) {
      await site.page.goto(site.url);
      await site.page.getByText('Ready.').waitFor();
    }
    use(site);
  });
  after(async () => {
    await site?.close();
  });
}
