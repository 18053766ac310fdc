// Inlines a module's relative imports into one file, so the engine's worker
// (and the page's own script, www/app.js) is a single request. A module worker fetches its imports only after its own
// script has arrived and been parsed: one more round trip, which on a busy
// machine (the page's first layout, the wasm compile and the worker's start
// all at once) took 30-70 ms of the first result's critical path.
//
// Each imported module becomes a function scope that returns its exports, in
// dependency order, once each; the entry's imports then read from those
// scopes. Specifiers are relative (`./m.js`, `./pkg/m.js`, `../m.js`) and
// resolved from the importing file; dynamic `import()` is left as it is, so
// it resolves from the bundle's own URL: keep the bundle beside the entry
// (and `import.meta.url` in an inlined module is the bundle's too).
// Only the import and export forms our own files use are supported
// (one statement per line): `import x from`, `import x, { a as b } from`,
// `import { a } from`, `import './m.js'`, `export function|async
// function|const|let|class name` and `export { a, b as c }`. Any other
// import or export is an error naming the file and line, so a change to the
// sources fails the build instead of shipping a broken worker.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const IMPORT = /^import\s+(?:(?<def>[\w$]+)\s*,?\s*)?(?:\{(?<named>[^}]*)\}\s*)?(?:from\s+)?'(?<spec>\.\.?\/[\w.\/-]+\.js)';\s*$/;
const EXPORT_DECL = /^export\s+((?:async\s+)?function\*?|const|let|class)\s+([\w$]+)/;
const EXPORT_LIST = /^export\s*\{(?<list>[^}]*)\};?\s*$/;

/** `a as b, c` -> [['a', 'b'], ['c', 'c']]. */
function pairs(list) {
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const [from, to = from] = s.split(/\s+as\s+/);
    return [from, to];
  });
}

/** The path (from the bundle's folder) of `spec` imported by `file`. */
function resolve(file, spec) {
  const path = posix.normalize(posix.join(posix.dirname(file), spec));
  if (path.startsWith('..')) throw new Error(`bundle: ${file} imports ${spec}, outside the folder`);
  return path;
}

/** Rewrites one module's source: its imports read from the scopes `scopeOf` names; its exports are listed. */
function rewrite(file, source, scopeOf) {
  const exports = [];
  const deps = [];
  const lines = source.split('\n').map((line, n) => {
    const where = `${file}:${n + 1}`;
    if (/^\s*import[\s{'"*]/.test(line)) {
      const m = IMPORT.exec(line);
      if (!m) throw new Error(`bundle: unsupported import at ${where}: ${line}`);
      deps.push(resolve(file, m.groups.spec));
      const parts = [];
      if (m.groups.def) parts.push(`default: ${m.groups.def}`);
      for (const [from, to] of pairs(m.groups.named ?? '')) parts.push(from === to ? from : `${from}: ${to}`);
      return parts.length ? `const { ${parts.join(', ')} } = ${scopeOf(resolve(file, m.groups.spec))};` : '';
    }
    if (/^\s*export\b/.test(line)) {
      const decl = EXPORT_DECL.exec(line);
      if (decl) {
        exports.push([decl[2], decl[2]]);
        return line.replace(/^export\s+/, '');
      }
      const list = EXPORT_LIST.exec(line);
      if (!list) throw new Error(`bundle: unsupported export at ${where}: ${line}`);
      exports.push(...pairs(list.groups.list));
      return '';
    }
    return line;
  });
  return { code: lines.join('\n'), exports, deps };
}

/**
 * The module `entry` of folder `dir` with every module it imports (relative
 * `./x.js` specifiers, recursively) inlined. The entry's own exports, if
 * any, stay exports.
 * @param {string} dir
 * @param {string} entry
 * @returns {string}
 */
export function bundle(dir, entry) {
  const scopeOf = (file) => `__bundled_${file.replace(/\W/g, '_')}`;
  const done = new Set();
  const out = [];
  const visit = (file, stack) => {
    if (done.has(file)) return;
    if (stack.includes(file)) throw new Error(`bundle: import cycle ${[...stack, file].join(' -> ')}`);
    const { code, exports, deps } = rewrite(file, readFileSync(join(dir, file), 'utf8'), scopeOf);
    for (const d of deps) visit(d, [...stack, file]);
    done.add(file);
    const ret = exports.map(([local, name]) => (local === name ? local : `${name}: ${local}`));
    out.push(`// ---- ${file}\nconst ${scopeOf(file)} = (() => {\n${code}\nreturn { ${ret.join(', ')} };\n})();\n`);
  };
  const top = rewrite(entry, readFileSync(join(dir, entry), 'utf8'), scopeOf);
  for (const d of top.deps) visit(d, [entry]);
  const reexports = top.exports.length ? `\nexport { ${top.exports.map(([l, n]) => (l === n ? l : `${l} as ${n}`)).join(', ')} };\n` : '';
  return `// ${entry} with its imports inlined by pkg-config/bundle.mjs (one request, not one per module).\n${out.join('\n')}// ---- ${entry}\n${top.code}${reexports}`;
}
