// The result types written by hand follow the engine's JSON: the fields of
// every object in a rich made-up analysis (every quote kind, every entity
// type, a quote in parts, a speaker with and without an entity, a title)
// are exactly the fields pkg-config/index.d.ts declares for its interface
// (read with the TypeScript compiler, `extends` followed) and the Python
// stubs' TypedDict declares; a field the JSON gives as null is declared
// nullable in both; the string unions list exactly the Rust enums' values.
// A field added, removed or renamed on one side fails here until the other
// follows. Run after `make wasm` and `make node-deps`: node tests/contract.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import assert from 'node:assert/strict';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ts = createRequire(path.join(root, 'tests/package.json'))('typescript');
const { initSync, analyze } = await import(path.join(root, 'www/pkg/whosaid.js'));
initSync({ module: readFileSync(path.join(root, 'www/pkg/whosaid_bg.wasm')) });

const TEXT = [
  'WASHINGTON (Reuters) - “We will reopen the bridge on Monday,” Mayor Ada Brook of Northfield said, “and the toll will fall by 5 percent.”',
  'Brook said the Northfield Transit Authority had spent $4.5 million on the work since March 3, 2019, about 12 more crews than planned.',
  'A police spokesman said the road would close at 9 a.m. on Friday, before the ferry crossed the Pacific Ocean.',
  'Senator Luis Ortega, a Democrat, called the plan “a gift to the contractors” at the Avery Cup, according to his office.',
  'Ortega openly admires Brook as a “strong leader”.',
  'He said that the French delegation had not been told.',
].join('\n\n');
const result = analyze(TEXT);

// ---- What the JSON has: each object's fields, by the type it is.
/** type name -> { fields: Set, nullable: Set, count } */
const seen = new Map();
function record(type, obj) {
  const entry = seen.get(type) ?? { fields: null, nullable: new Set(), count: 0 };
  const keys = new Set(Object.keys(obj));
  if (entry.fields) assert.deepEqual(keys, entry.fields, `every ${type} has the same fields`);
  entry.fields = keys;
  for (const [k, v] of Object.entries(obj)) if (v === null) entry.nullable.add(k);
  entry.count++;
  seen.set(type, entry);
}
record('Analysis', result);
for (const q of result.quotes) {
  record('Quote', q);
  for (const p of q.parts) record('Span', p);
  if (q.cue) record('Span', q.cue);
  if (q.speaker) record('Speaker', q.speaker);
}
for (const e of result.entities) {
  record('Entity', e);
  for (const m of e.mentions) record('Span', m);
}

// ---- What the engine's enums are (src/lib.rs), as serde writes them.
const lib = readFileSync(path.join(root, 'src/lib.rs'), 'utf8');
const variants = (name) => {
  const body = new RegExp(`pub enum ${name} \\{([^}]*)\\}`).exec(lib)?.[1];
  assert.ok(body, `enum ${name} in src/lib.rs`);
  return body.split('\n').map((l) => l.trim()).filter((l) => /^[A-Z][A-Za-z]*,?$/.test(l)).map((l) => l.replace(',', ''));
};
const kinds = new Set(variants('QuoteKind').map((v) => v.toLowerCase())); // rename_all = "lowercase"
const types = new Set(variants('EntityType'));
assert.equal(kinds.size, 4);
assert.equal(types.size, 11);

// The made-up text is rich enough: every kind, every entity type, the optional parts.
assert.deepEqual(new Set(result.quotes.map((q) => q.kind)), kinds, 'the text has every quote kind');
assert.deepEqual(new Set(result.entities.map((e) => e.type)), types, 'the text has every entity type');
assert.ok(result.quotes.some((q) => q.parts.length > 1), 'a quote in parts');
assert.ok(result.quotes.some((q) => q.speaker?.entity === null) && result.quotes.some((q) => q.speaker?.entity != null), 'named and unnamed speakers');
assert.ok(result.entities.some((e) => e.title !== null), 'a title');
for (const t of ['Analysis', 'Quote', 'Span', 'Speaker', 'Entity']) assert.ok(seen.has(t), t);

// ---- What index.d.ts declares.
const dtsFile = path.join(root, 'pkg-config/index.d.ts');
const source = ts.createSourceFile(dtsFile, readFileSync(dtsFile, 'utf8'), ts.ScriptTarget.Latest, true);
const interfaces = new Map();
const aliases = new Map();
source.forEachChild((node) => {
  if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node);
});
/** name -> type text of each property, with the inherited ones. */
function tsFields(name) {
  const node = interfaces.get(name);
  assert.ok(node, `interface ${name} in index.d.ts`);
  const out = new Map();
  for (const clause of node.heritageClauses ?? []) {
    for (const t of clause.types) for (const [k, v] of tsFields(t.expression.getText(source))) out.set(k, v);
  }
  for (const m of node.members) if (ts.isPropertySignature(m)) out.set(m.name.getText(source), m.type?.getText(source) ?? '');
  return out;
}
const literals = (alias) => {
  const node = aliases.get(alias);
  assert.ok(node, `type ${alias} in index.d.ts`);
  const out = new Set();
  // NOTE: a truthy return would stop forEachChild: the visitor returns nothing.
  const visit = (n) => {
    if (ts.isLiteralTypeNode(n) && ts.isStringLiteral(n.literal)) out.add(n.literal.text);
    else n.forEachChild(visit);
  };
  visit(node.type);
  return out;
};
for (const [type, { fields, nullable }] of seen) {
  const declared = tsFields(type);
  assert.deepEqual(new Set(declared.keys()), fields, `index.d.ts ${type}: fields differ from the engine's JSON`);
  for (const k of nullable) assert.match(declared.get(k), /\bnull\b/, `index.d.ts ${type}.${k} can be null`);
}
assert.deepEqual(literals('QuoteKind'), kinds, 'index.d.ts QuoteKind');
assert.deepEqual(literals('EntityType'), types, 'index.d.ts EntityType');

// ---- What the Python stubs declare (class X(TypedDict): one `name: type` a line).
const pyi = readFileSync(path.join(root, 'pkg-config/python/python/whosaid/_whosaid.pyi'), 'utf8');
function pyFields(name) {
  const body = new RegExp(`^class ${name}\\(TypedDict\\):\\n((?:    .*\\n|\\n)*)`, 'm').exec(pyi)?.[1];
  assert.ok(body, `class ${name} in _whosaid.pyi`);
  return new Map([...body.matchAll(/^    (\w+): (.+)$/gm)].map((m) => [m[1], m[2]]));
}
const pyLiterals = (text) => new Set([...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]));
for (const [type, { fields, nullable }] of seen) {
  const declared = pyFields(type);
  assert.deepEqual(new Set(declared.keys()), fields, `_whosaid.pyi ${type}: fields differ from the engine's JSON`);
  for (const k of nullable) assert.match(declared.get(k), /^Optional\[/, `_whosaid.pyi ${type}.${k} is Optional`);
}
assert.deepEqual(pyLiterals(pyFields('Quote').get('kind')), kinds, '_whosaid.pyi Quote.kind');
assert.deepEqual(pyLiterals(/^EntityType = Literal\[([^\]]*)\]/m.exec(pyi)?.[1] ?? ''), types, '_whosaid.pyi EntityType');

const n = [...seen.values()].reduce((a, e) => a + e.count, 0);
console.log(`contract: ${n} objects of ${seen.size} types match index.d.ts and _whosaid.pyi; ${kinds.size} quote kinds, ${types.size} entity types`);
