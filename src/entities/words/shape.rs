//! Word shapes for the name tagger: each character as its class ("X"
//! uppercase, "x" lowercase, "d" digit, others as they are), at most
//! twelve, and the same with runs collapsed ("McCain-2": "XxXxxx-d",
//! "XxXx-d").
//!
//! Guarantees: a shape never allocates and never exceeds twelve
//! characters; the fast ASCII path gives exactly what the general one
//! does; no panics.

/// A word shape ("Xxxx", "dd-dd"), at most 12 characters, kept inline:
/// every prepared word has two, and allocating them was a tenth of the
/// tagger's time.
#[derive(Clone, Copy)]
pub struct Shape {
    buf: [u8; 48],
    len: u8,
}

impl Shape {
    const EMPTY: Shape = Shape { buf: [0; 48], len: 0 };

    fn push(&mut self, c: char) {
        let at = self.len as usize;
        if let Some(dst) = self.buf.get_mut(at..at + c.len_utf8()) {
            c.encode_utf8(dst);
            self.len += c.len_utf8() as u8;
        }
    }

    /// The shape as text.
    #[cfg(test)]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or("")
    }

    /// The shape's UTF-8 bytes, as the feature hashes read them (without
    /// validating them again at every read).
    pub fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len as usize).unwrap_or(&[])
    }
}

/// The shape of a word and its collapsed form, in one pass.
pub fn shapes(w: &str) -> (Shape, Shape) {
    let (mut full, mut short) = (Shape::EMPTY, Shape::EMPTY);
    if w.is_ascii() {
        // NOTE: bytes are characters here: a table gives each its class,
        // and the collapsed shape is written without branches (each class
        // goes in the next slot, which only moves on when it differs from
        // the last); a byte loop of range tests and pushes was a third of
        // the cost of preparing a word.
        let (mut n, mut m, mut last) = (0, 0, None);
        for (&b, dst) in w.as_bytes().iter().zip(full.buf.iter_mut()).take(12) {
            let s = ASCII_SHAPE[usize::from(b)];
            *dst = s;
            n += 1;
            if let Some(d) = short.buf.get_mut(m) {
                *d = s;
            }
            m += usize::from(last != Some(s));
            last = Some(s);
        }
        (full.len, short.len) = (n, m as u8);
        return (full, short);
    }
    let mut last = None;
    for c in w.chars().take(12) {
        let s = shape_char(c);
        full.push(s);
        if last != Some(s) {
            short.push(s);
            last = Some(s);
        }
    }
    (full, short)
}

/// The shape character of each ASCII byte (a full table, so that a byte
/// indexes it without a bounds check).
const ASCII_SHAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = match c {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            _ => c,
        };
        b += 1;
    }
    t
};

fn shape_char(c: char) -> char {
    match c {
        c if c.is_uppercase() => 'X',
        c if c.is_lowercase() => 'x',
        c if c.is_numeric() => 'd',
        c => c,
    }
}

/// "Xxxx", "XX", "dd-dd": the character classes of a word, at most 12.
pub fn shape(w: &str) -> String {
    w.chars().take(12).map(shape_char).collect()
}

/// The shape with runs collapsed: "Xx", "X", "d-d".
pub fn short_shape(w: &str) -> String {
    collapse(&shape(w))
}

fn collapse(shape: &str) -> String {
    let mut out = String::new();
    for c in shape.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_collapsed_shapes() {
        assert_eq!(shape("McCain-2"), "XxXxxx-d");
        assert_eq!(short_shape("McCain"), "XxXx");
        let (full, short) = shapes("Ünïcode-2024’s-long-word");
        assert_eq!((full.as_str(), short.as_str()), ("Xxxxxxx-dddd", "Xx-d"));
        for w in
            ["McCain-2", "U.S.", "a", "", "x1y2z3w4v5u6t7", "AT&T", "@[`{/:09AZaz", "\0\0a\x7f"]
        {
            let (full, short) = shapes(w);
            assert_eq!(
                (full.as_str(), short.as_str()),
                (shape(w).as_str(), short_shape(w).as_str()),
                "{w}"
            );
        }
        assert_eq!(shapes("’’’’’’’’’’’’’’").0.as_str(), "’’’’’’’’’’’’");
    }
}
