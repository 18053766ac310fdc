//! The engine's serde serialisation (the one the CLI prints as JSON) written
//! into a flat program of build steps, on the analysis threads, without the
//! GIL: `objects` then runs the program on the calling thread to make the
//! Python objects. A struct becomes a dict, a sequence a list, an `Option`
//! None or its value, a unit enum variant its (renamed) name, as serde_json
//! would write them; any field the engine adds to its result types reaches
//! Python with no change here.
//!
//! Guarantees: every distinct string value appears once in `strs` per
//! article, however often the result repeats it (a name mentioned twenty
//! times is one Python str; two strings with one 64-bit hash, which is rare,
//! are two); every field and variant name once in `names`;
//! the program is well formed (each `List(n)` and `Dict(n)` is followed by
//! its n items or n key-value pairs).
//!
//! NOTE: splitting the work this way keeps the calling thread, which holds
//! the GIL and so is the one part that cannot run on every core, to making
//! Python objects only: the serde walk, the duplicate search and the freeing
//! of the engine's result happen on the analysis threads. Two thirds of a
//! result's strings repeat within its article (mention texts, names). The
//! walk costs 6% of the analysis's instructions (PolNeAR dev; 15% when each
//! key was copied into a map and each integer looked up): strings are found
//! again by a hash of their bytes, names by their address (`lookup`), and
//! integers not at all (the calling thread shares them across a whole call,
//! `objects::Cache`).

mod lookup;

use serde::ser::{self, Serialize};
use std::fmt;

/// One build step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    /// `strs[i]`: a string value.
    Str(u32),
    /// `names[i]`: a field or variant name (an interned str).
    Name(u32),
    Int(i64),
    UInt(u64),
    None,
    Bool(bool),
    Float(f64),
    /// A list of the next n values.
    List(u32),
    /// A dict of the next n (key, value) pairs.
    Dict(u32),
    /// `{names[i]: value}` of the next value: serde_json's form of a variant
    /// with data.
    Tagged(u32),
    /// Bytes: the byte range of `Flat::text` (no engine type has them).
    Bytes(u32, u32),
}

/// One result, flattened.
#[derive(Debug, Default)]
pub struct Flat {
    pub ops: Vec<Op>,
    /// The string values, each once: byte ranges of `text`.
    pub strs: Vec<(u32, u32)>,
    /// The field and variant names the program uses, each once.
    pub names: Vec<&'static str>,
    /// The bytes of the string values.
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
    // Room for a typical article's result, so that few of them grow.
    f.out.ops.reserve(2048);
    f.out.strs.reserve(256);
    f.out.text.reserve(8192);
    f.strs.reserve(256);
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

#[derive(Default)]
struct Flattener {
    out: Flat,
    /// Hash of a string value -> its index in `out.strs`.
    strs: lookup::ByHash,
    names: lookup::Names,
}

fn count(n: usize) -> Result<u32, Error> {
    u32::try_from(n).map_err(|_| Error(format!("{n} items are more than a result can hold")))
}

impl Flattener {
    fn push(&mut self, op: Op) -> Result<(), Error> {
        self.out.ops.push(op);
        Ok(())
    }

    fn str(&mut self, s: &str) -> Result<(), Error> {
        let h = lookup::hash(s.as_bytes());
        if let Some(&i) = self.strs.get(&h) {
            if let Some(&(start, end)) = self.out.strs.get(i as usize) {
                if self.out.bytes(start, end) == s.as_bytes() {
                    return self.push(Op::Str(i));
                }
            }
            // Two strings with one hash (rare): the second is not shared.
        }
        let i = count(self.out.strs.len())?;
        let start = count(self.out.text.len())?;
        self.out.text.extend_from_slice(s.as_bytes());
        self.out.strs.push((start, count(self.out.text.len())?));
        self.strs.entry(h).or_insert(i);
        self.push(Op::Str(i))
    }

    /// The index of `name` in `out.names`, added when new.
    fn name(&mut self, name: &'static str) -> Result<u32, Error> {
        count(self.names.index(name, &mut self.out.names))
    }

    /// Starts a list or dict tagged with its variant's name first (a tuple
    /// or struct variant).
    fn open_variant(&mut self, variant: &'static str, op: Op) -> Result<Open<'_>, Error> {
        let i = self.name(variant)?;
        self.out.ops.push(Op::Tagged(i));
        Ok(self.open(op))
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
        let i = self.f.name(name)?;
        self.f.out.ops.push(Op::Name(i));
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

/// `serialize_<type>` methods that push one step made from the value.
macro_rules! steps {
    ($($method:ident($t:ty) => $op:expr;)*) => {
        $(fn $method(self, v: $t) -> Result<(), Error> {
            self.push($op(v))
        })*
    };
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

    steps! {
        serialize_bool(bool) => Op::Bool;
        serialize_i8(i8) => |v| Op::Int(i64::from(v));
        serialize_i16(i16) => |v| Op::Int(i64::from(v));
        serialize_i32(i32) => |v| Op::Int(i64::from(v));
        serialize_i64(i64) => Op::Int;
        serialize_u8(u8) => |v| Op::UInt(u64::from(v));
        serialize_u16(u16) => |v| Op::UInt(u64::from(v));
        serialize_u32(u32) => |v| Op::UInt(u64::from(v));
        serialize_u64(u64) => Op::UInt;
        serialize_f32(f32) => |v| Op::Float(f64::from(v));
        serialize_f64(f64) => Op::Float;
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
        self.push(Op::Bytes(start, end))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.push(Op::None)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.push(Op::None)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.push(Op::None)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        let i = self.name(variant)?;
        self.push(Op::Name(i))
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
        let i = self.name(variant)?;
        self.push(Op::Tagged(i))?;
        value.serialize(self)
    }
    // A sequence, tuple or tuple struct is a list; a map or struct a dict;
    // a tuple or struct variant is tagged with its name first.
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
        self.open_variant(variant, Op::List(0))
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
        self.open_variant(variant, Op::Dict(0))
    }
}

/// The serde traits of a list or dict being flattened, each adding an item
/// (`item`) or a named field (`field`) per call; they differ in name only.
macro_rules! compound {
    ($($name:ident: $method:ident => $add:ident($($arg:ident: $t:ty),*);)*) => {
        $(impl ser::$name for Open<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, $($arg: $t,)* value: &T) -> Result<(), Error> {
                self.$add($($arg,)* value)
            }
            fn end(self) -> Result<(), Error> {
                Open::end(self)
            }
        })*
    };
}

compound! {
    SerializeSeq: serialize_element => item();
    SerializeTuple: serialize_element => item();
    SerializeTupleStruct: serialize_field => item();
    SerializeTupleVariant: serialize_field => item();
    SerializeStruct: serialize_field => field(name: &'static str);
    SerializeStructVariant: serialize_field => field(name: &'static str);
}

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
mod tests;
