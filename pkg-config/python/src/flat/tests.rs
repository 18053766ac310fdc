//! The flattener's program, checked step by step on values made here.

use super::*;

#[test]
fn repeated_values_are_one_string_and_counts_are_filled_in() {
    let text = "\"The plan is ready,\" Ada Brook said. Ada Brook left.";
    let analysis = whosaid::analyze(text, &whosaid::Options::default());
    let f = flatten(&analysis).unwrap();
    let strs: Vec<&[u8]> = f.strs.iter().map(|&(s, e)| f.bytes(s, e)).collect();
    let ada = strs.iter().filter(|s| **s == b"Ada Brook").count();
    assert_eq!(ada, 1, "one string for the name however often it is used: {strs:?}");
    let uses = |want: &[u8]| {
        f.ops
            .iter()
            .filter(|op| matches!(op, Op::Str(i) if strs.get(*i as usize) == Some(&want)))
            .count()
    };
    assert!(uses(b"Ada Brook") >= 3, "mentions and the speaker's name: {:?}", f.ops);
    // {"quotes": [...], "entities": [...]}: a dict of 2, a list of 1 quote.
    assert!(matches!(f.ops.first(), Some(Op::Dict(2))), "{:?}", f.ops);
    assert!(matches!(f.ops.get(2), Some(Op::List(1))), "{:?}", f.ops);
    // Each name once, each use by index.
    let mut names = f.names.clone();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), f.names.len(), "{:?}", f.names);
    assert!(f.names.contains(&"speaker") && f.names.contains(&"direct"), "{:?}", f.names);
}

#[test]
fn strings_with_one_hash_stay_apart_and_every_kind_of_value_has_its_step() {
    #[derive(serde::Serialize)]
    enum E {
        Unit,
        New(u8),
        Pair(i8, bool),
        Named { x: f32 },
    }
    #[derive(serde::Serialize)]
    struct S<'a> {
        a: Vec<E>,
        b: (char, &'a str, ()),
        c: Option<i64>,
        d: std::collections::BTreeMap<u16, &'a str>,
    }
    let s = S {
        a: vec![E::Unit, E::New(7), E::Pair(-3, true), E::Named { x: 0.5 }],
        b: ('z', "z", ()),
        c: Option::None,
        d: [(1, "one"), (2, "one")].into_iter().collect(),
    };
    let f = flatten(&s).unwrap();
    use Op::*;
    let want = [
        Dict(4),
        Name(0),
        List(4),
        Name(1),
        Tagged(2),
        UInt(7),
        Tagged(3),
        List(2),
        Int(-3),
        Bool(true),
        Tagged(4),
        Dict(1),
        Name(5),
        Float(0.5),
        Name(6),
        List(3),
        Str(0),
        Str(0),
        None,
        Name(7),
        None,
        Name(8),
        Dict(2),
        UInt(1),
        Str(1),
        UInt(2),
        Str(1),
    ];
    assert_eq!(f.ops, want);
    assert_eq!(f.names, ["a", "Unit", "New", "Pair", "Named", "x", "b", "c", "d"]);
    // A hash collision: the table's entry points at another string, so
    // the new one gets its own (the test forces it by hand).
    let mut fl = Flattener::default();
    fl.str("first").unwrap();
    fl.strs.insert(lookup::hash(b"second"), 0);
    fl.str("second").unwrap();
    fl.str("second").unwrap();
    let strs: Vec<&[u8]> = fl.out.strs.iter().map(|&(s, e)| fl.out.bytes(s, e)).collect();
    assert_eq!(strs, [&b"first"[..], b"second", b"second"]);
    assert_eq!(fl.out.ops, [Str(0), Str(1), Str(2)]);
}
