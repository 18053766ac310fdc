// Assembles the page's files and the npm package. `node pkg-config/build.mjs
// --www` copies the package's JS next to the wasm-bindgen output in www/pkg
// (so the page and www/embed.html run the package's own code), bundles the
// worker and the page's script with esbuild, and writes the service worker
// (www/sw.js) with the list of the page's files and a cache name from their
// hash; with `--pack` it also builds pkg/ (package.json from the template,
// version from Cargo.toml) and runs `npm pack` into target/npm/, then prints
// the sizes.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const config = join(root, 'pkg-config');
const wwwPkg = join(root, 'www/pkg');
const generated = ['whosaid.js', 'whosaid_bg.wasm'];
// NOTE: what the package ships, by name: a new file in pkg-config/ ships only
// once it is listed here (and in package.json's "files", which a test
// compares with this list); the build refuses a .js file it does not know.
const RUNTIME = ['analyzer.js', 'dom-text.js', 'element.js', 'engine.js', 'index.js', 'node.js', 'spans.js', 'worker.js'];
const TYPES = ['element.d.ts', 'index.d.ts'];
const PACKAGE_FILES = [...RUNTIME, ...TYPES, ...generated, 'README.md'].sort();
/** Files of the page that the service worker does not keep. */
const NOT_CACHED = [/^sw(\.template)?\.js$/, /^screenshot.*\.png$/, /^pkg\/node\.js$/];

const unknown = readdirSync(config).filter((f) => /\.(js|d\.ts)$/.test(f) && !RUNTIME.includes(f) && !TYPES.includes(f));
if (unknown.length) throw new Error(`pkg-config: ${unknown.join(', ')} not in build.mjs's RUNTIME or TYPES: ship it or move it`);
for (const f of generated) {
  if (!existsSync(join(wwwPkg, f))) throw new Error(`${f} is missing in www/pkg: run \`make wasm\` first`);
}
for (const f of RUNTIME) cpSync(join(config, f), join(wwwPkg, f));
// NOTE: worker.js ships with its imports inlined: the worker then starts on
// one request instead of waiting for a round trip per import level (a worker
// has no <link rel=modulepreload>).
const worker = await bundle(join(wwwPkg, 'worker.js'));
writeFileSync(join(wwwPkg, 'worker.js'), worker);
checkModule(join(wwwPkg, 'worker.js'));
// The page's own third-party code (not in the npm package): Readability, as an ES module.
writeFileSync(join(wwwPkg, 'readability.js'), readabilityModule());
checkModule(join(wwwPkg, 'readability.js'));
// NOTE: the page's script too is one file, www/app.bundle.js (app.js with
// its static imports inlined; extract.js and Readability stay separate, loaded
// when HTML first comes in): ten modules preloaded in parallel took a few
// tens of milliseconds more to the first result on this 2-core machine.
writeFileSync(join(root, 'www/app.bundle.js'), await bundle(join(root, 'www/app.js')));
checkModule(join(root, 'www/app.bundle.js'));
writeServiceWorker();

if (process.argv.includes('--pack')) {
  const out = join(root, 'pkg');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  for (const f of generated) cpSync(join(wwwPkg, f), join(out, f));
  for (const f of [...RUNTIME, ...TYPES, 'README.md']) cpSync(join(config, f), join(out, f));
  writeFileSync(join(out, 'worker.js'), worker);
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
  if (!version) throw new Error('no version in Cargo.toml');
  const manifest = JSON.parse(readFileSync(join(config, 'package.json'), 'utf8'));
  manifest.version = version;
  if (JSON.stringify([...manifest.files].sort()) !== JSON.stringify(PACKAGE_FILES)) {
    throw new Error(`pkg-config/package.json "files" must list exactly ${PACKAGE_FILES.join(', ')}`);
  }
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
 * The module `entry` with its static imports inlined (esbuild), as one ES
 * module; dynamic `import()`s stay as they are, so what they load stays a
 * separate file, fetched when first needed (it resolves from the bundle's
 * URL: keep the bundle beside the entry). Not minified: the page's code is
 * readable as it ships.
 * @param {string} entry
 * @returns {Promise<string>}
 */
async function bundle(entry) {
  const esbuild = createRequire(join(config, 'tools/package.json'))('esbuild');
  const lazy = { name: 'lazy', setup: (b) => b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined)) };
  const out = await esbuild.build({
    entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2022',
    write: false, plugins: [lazy], logLevel: 'warning', legalComments: 'inline',
  });
  const name = relative(root, entry);
  return `// ${name} with its imports inlined by esbuild (pkg-config/build.mjs): one request, not one per module.\n${out.outputFiles[0].text}`;
}

/**
 * www/sw.js from www/sw.template.js: the files the page serves (every file
 * under www/ but NOT_CACHED) and a cache name from their contents' hash.
 */
function writeServiceWorker() {
  const www = join(root, 'www');
  const files = readdirSync(www, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(www, join(d.parentPath ?? d.path, d.name)).split('\\').join('/'))
    .filter((f) => !NOT_CACHED.some((re) => re.test(f)))
    .sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(www, f))).update('\0');
  const cache = `whosaid-${hash.digest('hex').slice(0, 16)}`;
  const template = readFileSync(join(www, 'sw.template.js'), 'utf8');
  const lines = ["const CACHE = 'whosaid-unbuilt';", 'const FILES = [];'];
  for (const line of lines) if (!template.includes(`\n${line}\n`)) throw new Error(`www/sw.template.js: the line ${line} is missing`);
  const sw = template
    .replace(lines[0], `const CACHE = ${JSON.stringify(cache)};`)
    .replace(lines[1], `const FILES = ${JSON.stringify(['./', ...files])};`);
  writeFileSync(join(www, 'sw.js'), sw);
  checkModule(join(www, 'sw.js'));
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
