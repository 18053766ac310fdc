// The JS-side tests of the page and the npm package, run by `make test-browser`
// (after `make package`). node:test prints each result and a summary.
import './package.test.mjs';
