// Assembles the npm package. `node pkg-config/build.mjs --www` copies the
// package's JS next to the wasm-bindgen output in www/pkg (so the page and
// www/embed.html run the package's own code); with `--pack` it also builds
// pkg/ (package.json from the template, version from Cargo.toml) and runs
// `npm pack` into target/npm/, then prints the sizes.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { bundle } from './bundle.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const config = join(root, 'pkg-config');
const wwwPkg = join(root, 'www/pkg');
const generated = ['whosaid.js', 'whosaid_bg.wasm'];
const runtime = readdirSync(config).filter((f) => f.endsWith('.js')).sort();

for (const f of generated) {
  if (!existsSync(join(wwwPkg, f))) throw new Error(`${f} is missing in www/pkg: run \`make wasm\` first`);
}
for (const f of runtime) cpSync(join(config, f), join(wwwPkg, f));
// NOTE: worker.js ships with its imports inlined (see bundle.mjs): the worker
// then starts on one request instead of waiting for a second round trip.
const worker = bundle(wwwPkg, 'worker.js');
writeFileSync(join(wwwPkg, 'worker.js'), worker);
checkModule(join(wwwPkg, 'worker.js'));
// The page's own third-party code (not in the npm package): Readability, as an ES module.
writeFileSync(join(wwwPkg, 'readability.js'), readabilityModule());
checkModule(join(wwwPkg, 'readability.js'));
// NOTE: the page's script too is one file, www/app.bundle.js (app.js with
// its static imports inlined; extract.js and Readability stay separate, loaded
// when HTML first comes in): ten modules preloaded in parallel took a few
// tens of milliseconds more to the first result on this 2-core machine.
const app = bundle(join(root, 'www'), 'app.js');
writeFileSync(join(root, 'www/app.bundle.js'), app);
checkModule(join(root, 'www/app.bundle.js'));

if (process.argv.includes('--pack')) {
  const out = join(root, 'pkg');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  for (const f of generated) cpSync(join(wwwPkg, f), join(out, f));
  for (const f of [...runtime, ...readdirSync(config).filter((f) => f.endsWith('.d.ts')), 'README.md']) {
    cpSync(join(config, f), join(out, f));
  }
  writeFileSync(join(out, 'worker.js'), worker);
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
  if (!version) throw new Error('no version in Cargo.toml');
  const manifest = JSON.parse(readFileSync(join(config, 'package.json'), 'utf8'));
  manifest.version = version;
  writeFileSync(join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  const packDir = join(root, 'target/npm');
  mkdirSync(packDir, { recursive: true });
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: out, encoding: 'utf8' }).trim().split('\n').pop();
  const tarball = join(packDir, name);
  writeFileSync(join(packDir, 'latest'), tarball + '\n');
  const gz = (f) => gzipSync(readFileSync(join(out, f)), { level: 9 }).length;
  const browser = ['index.js', 'engine.js', 'analyzer.js', 'whosaid.js', 'whosaid_bg.wasm'].reduce((n, f) => n + gz(f), 0);
  const all = readdirSync(out).reduce((n, f) => n + gz(f), 0);
  console.log(`${tarball}: ${readFileSync(tarball).length} bytes`);
  console.log(`pkg/: ${all} bytes gzipped in all; init()+analyze() in a browser loads ${browser} bytes gzipped (wasm ${gz('whosaid_bg.wasm')})`);
}

/**
 * Mozilla's Readability.js (pkg-config/vendor, installed from npm by `make
 * web`) as an ES module exporting `Readability`: the file is a plain script
 * that ends by assigning `module.exports` when there is a `module`. The page
 * imports it only when HTML is opened or pasted, so a page that is only
 * pasted plain text never downloads it.
 */
function readabilityModule() {
  const file = join(config, 'vendor/node_modules/@mozilla/readability/Readability.js');
  if (!existsSync(file)) throw new Error('@mozilla/readability is missing: run `make web` (it installs pkg-config/vendor)');
  const source = readFileSync(file, 'utf8');
  const tail = source.lastIndexOf('if (typeof module === "object")');
  if (tail < 0) throw new Error('Readability.js: its module.exports block was not found (a new version?)');
  return `${source.slice(0, tail)}\nexport { Readability };\n`;
}

/** Fails the build if `file` does not parse as a module (`node --check`). */
function checkModule(file) {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-'));
  try {
    cpSync(file, join(dir, 'check.mjs'));
    execFileSync(process.execPath, ['--check', join(dir, 'check.mjs')], { stdio: 'inherit' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
