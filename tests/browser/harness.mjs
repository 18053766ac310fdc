// What the browser and package tests share: the repo's paths, the seed
// articles (read from the shared corpus at test time, never copied into the
// repo), a static server on a free 127.0.0.1 port, and headless Chromium.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { requireCorpus } from '../shared.mjs';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The seed articles with their gold annotations. */
export function seeds() {
  return readFileSync(requireCorpus('seeds.jsonl'), 'utf8')
    .split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/** Serves `folder` with tests/serve.py; resolves with { origin, stop }. */
export async function serve(folder) {
  const port = await freePort();
  const child = spawn('python3', [join(repo, 'tests/serve.py'), '--port', String(port), folder], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`serve.py exited with ${code}`)));
    child.stdout.once('data', ok);
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** Headless Debian Chromium. */
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Records every request the context makes (pages, workers, service worker)
 * and every console error and page error, for the checks at the end.
 */
export function watch(context) {
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('page', (page) => {
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
  });
  return { requests, errors };
}
