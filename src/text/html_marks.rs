//! Quotation marks written as HTML character references (`&quot;`,
//! `&ldquo;`, `&#8221;`), as text copied from a page's source, a CMS export
//! or a feed carries them. The engine reads a copy in which each is a
//! straight mark padded with spaces to the reference's own length, so every
//! byte offset, character boundary and code point count stays as it was;
//! the mark goes on the side of the reference that touches a word
//! (`said &quot;We` reads `said      "We`, `win,&quot; he` reads `win,"      he`),
//! so that it faces the way it did.
//!
//! Only quotation marks are replaced: an apostrophe inside a word
//! (`don&#39;t`) cannot be padded without splitting the word.
//!
//! Guarantees: linear time; the copy is ASCII wherever it differs from the
//! text, and as long; `None` (no copy) when the text has no such reference;
//! no panics.

/// The references read as a double quotation mark (matched ignoring case).
const REFS: &[&str] = &[
    "&quot;", "&#34;", "&#x22;", "&ldquo;", "&rdquo;", "&#8220;", "&#8221;", "&#x201c;", "&#x201d;",
    "&bdquo;", "&#8222;", "&laquo;", "&raquo;",
];

/// The copy of `text` with its quotation-mark references replaced, or
/// `None` when it has none.
pub fn copy(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    let mut at = 0;
    while let Some(k) = bytes.get(at..).and_then(|r| r.iter().position(|&b| b == b'&')) {
        let start = at + k;
        at = start + 1;
        let Some(len) = reference_at(bytes, start) else { continue };
        let copy = out.get_or_insert_with(|| bytes.to_vec());
        // After a space, a line break, an opening bracket or nothing, it
        // opens: the mark goes last, next to the word it opens.
        let opens = start
            .checked_sub(1)
            .and_then(|p| bytes.get(p))
            .is_none_or(|&b| b.is_ascii_whitespace() || matches!(b, b'(' | b'[' | b'{'));
        if let Some(span) = copy.get_mut(start..start + len) {
            span.fill(b' ');
            let mark = if opens { span.last_mut() } else { span.first_mut() };
            if let Some(m) = mark {
                *m = b'"';
            }
        }
        at = start + len;
    }
    // Only ASCII replaced ASCII bytes, whole references, so the copy is UTF-8.
    out.and_then(|v| String::from_utf8(v).ok())
}

/// The length of the quotation-mark reference at byte `i`, if one is there.
fn reference_at(bytes: &[u8], i: usize) -> Option<usize> {
    REFS.iter()
        .find(|r| bytes.get(i..i + r.len()).is_some_and(|s| s.eq_ignore_ascii_case(r.as_bytes())))
        .map(|r| r.len())
}

#[cfg(test)]
mod tests {
    use super::copy;

    #[test]
    fn marks_face_the_word_they_touch_and_keep_the_length() {
        let t = "He said &quot;We won,&quot; and left. &ldquo;Yes.&#8221;";
        let c = copy(t).unwrap_or_default();
        assert_eq!(c.len(), t.len());
        assert_eq!(c, "He said      \"We won,\"      and left.       \"Yes.\"      ");
        assert_eq!(copy("AT&amp;T and don&#39;t"), None);
        assert_eq!(copy("no references"), None);
        assert_eq!(copy("&QUOT;Hi&Quot;"), Some("     \"Hi\"     ".to_string()));
    }
}
