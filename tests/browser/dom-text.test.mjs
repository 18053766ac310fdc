// stripHtml (pkg-config/dom-text.js): what is taken out of pasted HTML before
// it is parsed, on made-up markup, including attribute values with '>' and
// quotes in them, unquoted values and unclosed tags. No DOM needed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stripHtml } from '../../pkg-config/dom-text.js';

describe('stripHtml', () => {
  test('drops style and on* attributes, keeps the others re-quoted', () => {
    assert.equal(stripHtml('<p STYLE="color:red" OnClick=\'go("x")\' class=lead data-x="a>b">Hi</p>'),
      '<p class="lead" data-x="a>b">Hi</p>');
    assert.equal(stripHtml(`<a title='say "hi"' href=/x onmouseover=alert(1)>x</a>`), '<a title="say &quot;hi&quot;" href="/x">x</a>');
    assert.equal(stripHtml('<input disabled value=3>'), '<input disabled value="3">');
  });

  test('marks elements styled hidden, drops scripts, styles and comments', () => {
    assert.equal(stripHtml('<div style="color: red; display : none">x</div><span style="visibility:hidden">y</span><b style="display:block">z</b>'),
      '<div data-whosaid-hidden>x</div><span data-whosaid-hidden>y</span><b>z</b>');
    assert.equal(stripHtml('a<script type="x">if (a < b) document.write("<p style=1>")</script>b<STYLE>p{}</Style>c<!-- <p onclick=1> -->d'), 'abcd');
  });

  test('text between tags stays as it is; broken markup does not throw', () => {
    assert.equal(stripHtml('5 < 6 and 7 > 3 &amp; <3'), '5 < 6 and 7 > 3 &amp; <3');
    for (const broken of ['<p style="unclosed', '<p onclick=', '<script>never closed', '<!-- open', '<', '<p', '<p a=\'x']) {
      assert.equal(typeof stripHtml(broken), 'string');
      assert.ok(!/style|onclick|script/i.test(stripHtml(broken)), broken);
    }
  });

  test('linear: 20,000 scripts and styled tags take well under a second', () => {
    const big = '<p style="a" onclick="b">x</p><script>s</script>'.repeat(20_000);
    const t0 = performance.now();
    const out = stripHtml(big);
    assert.equal(out, '<p>x</p>'.repeat(20_000));
    assert.ok(performance.now() - t0 < 1000);
  });
});
