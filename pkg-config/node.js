// whosaid for Node.js (the "node" condition of the exports map): loads the
// wasm file beside this module from disk at import time, so `analyze` works
// straight away; `init()` is there too and resolves at once.
import { readFileSync } from 'node:fs';
import { init } from './index.js';

await init(readFileSync(new URL('./whosaid_bg.wasm', import.meta.url)));

export * from './index.js';
export { default } from './index.js';
