//! The engine's serde serialisation (the one the CLI prints as JSON) written
//! into a flat program of build steps, on the analysis threads, without the
//! GIL: `objects` then runs the program on the calling thread to make the
//! Python objects. A struct becomes a dict, a sequence a list, an `Option`
//! None or its value, a unit enum variant its (renamed) name, as serde_json
//! would write them; any field the engine adds to its result types reaches
//! Python with no change here.
//!
//! Guarantees: every string and integer value appears once in `atoms` per
//! article, however often the result repeats it (a name mentioned twenty
//! times is one Python str); the program is well formed (each `List(n)` and
//! `Dict(n)` is followed by its n items or n key-value pairs).
//!
//! NOTE: splitting the work this way keeps the calling thread, which holds
//! the GIL and so is the one part that cannot run on every core, to making
//! Python objects only: the serde walk, the duplicate search and the freeing
//! of the engine's result happen on the analysis threads. Two thirds of a
//! result's strings repeat within its article (mention texts, names).

use serde::ser::{self, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// A value made once and used wherever the result repeats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Atom {
    /// A str: the byte range of `Flat::text`.
    Str(u32, u32),
    Int(i64),
    UInt(u64),
}

/// One build step.
#[derive(Debug, Clone, Copy)]
pub enum Op {
    /// `atoms[i]`.
    Atom(u32),
    /// An interned str: a field or variant name.
    Name(&'static str),
    None,
    Bool(bool),
    Float(f64),
    /// A list of the next n values.
    List(u32),
    /// A dict of the next n (key, value) pairs.
    Dict(u32),
    /// `{name: value}` of the next value: serde_json's form of a variant with data.
    Tagged(&'static str),
    /// Bytes: the byte range of `Flat::text` (no engine type has them).
    Bytes(u32, u32),
}

/// One result, flattened.
#[derive(Debug, Default)]
pub struct Flat {
    pub ops: Vec<Op>,
    pub atoms: Vec<Atom>,
    /// The bytes of the str atoms, each once.
    pub text: Vec<u8>,
}

impl Flat {
    /// The bytes `start..end` of `text` (empty when out of range, which the
    /// flattener never writes).
    pub fn bytes(&self, start: u32, end: u32) -> &[u8] {
        self.text.get(start as usize..end as usize).unwrap_or_default()
    }
}

/// `value` flattened.
pub fn flatten<T: Serialize + ?Sized>(value: &T) -> Result<Flat, Error> {
    let mut f = Flattener::default();
    value.serialize(&mut f)?;
    Ok(f.out)
}

/// Why a value could not be flattened (only a count above 4 billion).
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// FNV-1a: the atoms are short strings and integers, hashed once each.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K> = HashMap<K, u32, BuildHasherDefault<Fnv>>;

#[derive(Default)]
struct Flattener {
    out: Flat,
    strs: FastMap<Box<str>>,
    ints: FastMap<Atom>,
}

fn count(n: usize) -> Result<u32, Error> {
    u32::try_from(n).map_err(|_| Error(format!("{n} items are more than a result can hold")))
}

impl Flattener {
    fn atom(&mut self, a: Atom) -> Result<(), Error> {
        let next = count(self.out.atoms.len())?;
        let i = *self.ints.entry(a).or_insert(next);
        if i == next {
            self.out.atoms.push(a);
        }
        self.out.ops.push(Op::Atom(i));
        Ok(())
    }

    fn str(&mut self, s: &str) -> Result<(), Error> {
        if let Some(&i) = self.strs.get(s) {
            self.out.ops.push(Op::Atom(i));
            return Ok(());
        }
        let i = count(self.out.atoms.len())?;
        let start = count(self.out.text.len())?;
        self.out.text.extend_from_slice(s.as_bytes());
        self.out.atoms.push(Atom::Str(start, count(self.out.text.len())?));
        self.strs.insert(s.into(), i);
        self.out.ops.push(Op::Atom(i));
        Ok(())
    }

    /// Starts a list or dict whose count `Open::end` fills in.
    fn open(&mut self, op: Op) -> Open<'_> {
        let at = self.out.ops.len();
        self.out.ops.push(op);
        Open { f: self, at, n: 0 }
    }
}

/// A list or dict being flattened: where its step is, how many items so far.
pub struct Open<'a> {
    f: &'a mut Flattener,
    at: usize,
    n: usize,
}

impl Open<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.f)?;
        self.n += 1;
        Ok(())
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<(), Error> {
        self.f.out.ops.push(Op::Name(name));
        self.item(value)
    }

    fn end(self) -> Result<(), Error> {
        let n = count(self.n)?;
        if let Some(Op::List(c) | Op::Dict(c)) = self.f.out.ops.get_mut(self.at) {
            *c = n;
        }
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Flattener {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Open<'a>;
    type SerializeTuple = Open<'a>;
    type SerializeTupleStruct = Open<'a>;
    type SerializeTupleVariant = Open<'a>;
    type SerializeMap = Open<'a>;
    type SerializeStruct = Open<'a>;
    type SerializeStructVariant = Open<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.ops.push(Op::Bool(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.atom(Atom::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.atom(Atom::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.atom(Atom::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.atom(Atom::Int(v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.atom(Atom::UInt(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.atom(Atom::UInt(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.atom(Atom::UInt(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.atom(Atom::UInt(v))
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.out.ops.push(Op::Float(v));
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.str(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let start = count(self.out.text.len())?;
        self.out.text.extend_from_slice(v);
        let end = count(self.out.text.len())?;
        self.out.ops.push(Op::Bytes(start, end));
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.ops.push(Op::None);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.out.ops.push(Op::Name(variant));
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.ops.push(Op::Tagged(variant));
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Open<'a>, Error> {
        Ok(self.open(Op::List(0)))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Open<'a>, Error> {
        Ok(self.open(Op::List(0)))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Open<'a>, Error> {
        Ok(self.open(Op::List(0)))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Open<'a>, Error> {
        self.out.ops.push(Op::Tagged(variant));
        Ok(self.open(Op::List(0)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Open<'a>, Error> {
        Ok(self.open(Op::Dict(0)))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Open<'a>, Error> {
        Ok(self.open(Op::Dict(0)))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Open<'a>, Error> {
        self.out.ops.push(Op::Tagged(variant));
        Ok(self.open(Op::Dict(0)))
    }
}

/// The serde traits of sequences all add an item.
macro_rules! seq_trait {
    ($name:ident, $method:ident) => {
        impl ser::$name for Open<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.item(value)
            }
            fn end(self) -> Result<(), Error> {
                Open::end(self)
            }
        }
    };
}

seq_trait!(SerializeSeq, serialize_element);
seq_trait!(SerializeTuple, serialize_element);
seq_trait!(SerializeTupleStruct, serialize_field);
seq_trait!(SerializeTupleVariant, serialize_field);

/// Structs and struct variants both add named fields.
macro_rules! struct_trait {
    ($name:ident) => {
        impl ser::$name for Open<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(name, value)
            }
            fn end(self) -> Result<(), Error> {
                Open::end(self)
            }
        }
    };
}

struct_trait!(SerializeStruct);
struct_trait!(SerializeStructVariant);

/// A map's key is any value, then its value: one pair.
impl ser::SerializeMap for Open<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        key.serialize(&mut *self.f)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        Open::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_values_are_one_atom_and_counts_are_filled_in() {
        let text = "\"The plan is ready,\" Ada Brook said. Ada Brook left.";
        let analysis = whosaid::analyze(text, &whosaid::Options::default());
        let f = flatten(&analysis).unwrap();
        let strs: Vec<&[u8]> = f
            .atoms
            .iter()
            .filter_map(|a| match *a {
                Atom::Str(s, e) => Some(f.bytes(s, e)),
                _ => None,
            })
            .collect();
        let ada = strs.iter().filter(|s| **s == b"Ada Brook").count();
        assert_eq!(ada, 1, "one atom for the name however often it is used: {strs:?}");
        let uses = |want: &[u8]| {
            f.ops.iter().filter(|op| matches!(op, Op::Atom(i) if f.atoms.get(*i as usize).is_some_and(|a| matches!(*a, Atom::Str(s, e) if f.bytes(s, e) == want)))).count()
        };
        assert!(uses(b"Ada Brook") >= 3, "mentions and the speaker's name: {:?}", f.ops);
        // {"quotes": [...], "entities": [...]}: a dict of 2, a list of 1 quote.
        assert!(matches!(f.ops.first(), Some(Op::Dict(2))), "{:?}", f.ops);
        assert!(matches!(f.ops.get(2), Some(Op::List(1))), "{:?}", f.ops);
    }
}
