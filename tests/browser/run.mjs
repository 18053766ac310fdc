// The JS-side tests of the page, the <who-said> element and the npm package,
// run by `make test-browser` (after `make package`). node:test prints each
// result and a summary; the exit code is non-zero if any fails.
import './dom-text.test.mjs';
import './speakers.test.mjs';
import './package.test.mjs';
import './page.test.mjs';
import './embed.test.mjs';
import './reporter.test.mjs';
