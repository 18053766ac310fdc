//! The wasm-bindgen layer: converts JS values to the core's types and back,
//! and every error into a JS `Error`. No analysis logic lives here.

use crate::{analyze as analyze_core, Analysis, OffsetUnit, Options, Pieces};
use wasm_bindgen::prelude::*;

/// `analyze(text, options?)`: the quotes and entities of `text` as a plain
/// object; offsets are JS string indices (UTF-16 code units) unless
/// `options.offsets` says `"codepoint"` or `"utf8"`; `options.continuations`
/// is `"join"` (default) or `"separate"`.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text = read_text(&text)?;
    let options = read_options(&options)?;
    to_js(&analyze_core(&text, &options))
}

/// `new Pieces(text, options?)`: the analysis of `analyze(text, options)`,
/// run a piece at a time (see `crate::pieces`) so that a worker can report
/// progress and stop between pieces: `step()` until it returns false, then
/// `finish()`, which gives exactly what `analyze` gives.
#[wasm_bindgen(js_name = Pieces)]
pub struct JsPieces {
    inner: Option<Pieces<'static>>,
}

#[wasm_bindgen(js_class = Pieces)]
impl JsPieces {
    #[wasm_bindgen(constructor)]
    pub fn new(text: JsValue, options: JsValue) -> Result<JsPieces, JsError> {
        let text = read_text(&text)?;
        let options = read_options(&options)?;
        Ok(JsPieces { inner: Some(Pieces::new(text, &options)) })
    }

    /// Analyses the next piece; false when none was left.
    pub fn step(&mut self) -> bool {
        self.inner.as_mut().is_some_and(Pieces::step)
    }

    /// The end of the pieces analysed so far, in the options' offset unit.
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> usize {
        self.inner.as_ref().map_or(0, |p| p.progress().0)
    }

    /// The text's length in the options' offset unit.
    #[wasm_bindgen(getter)]
    pub fn total(&self) -> usize {
        self.inner.as_ref().map_or(0, |p| p.progress().1)
    }

    /// The result (the pieces left are analysed first); once only.
    pub fn finish(&mut self) -> Result<JsValue, JsError> {
        let pieces = self
            .inner
            .take()
            .ok_or_else(|| JsError::new("whosaid: this analysis has already finished"))?;
        to_js(&pieces.finish())
    }
}

fn read_text(text: &JsValue) -> Result<String, JsError> {
    // NOTE: `as_string` replaces lone surrogates with U+FFFD, one UTF-16 unit
    // for one, so offsets still index the caller's original string.
    text.as_string().ok_or_else(|| JsError::new("whosaid.analyze: the text must be a string"))
}

fn to_js(analysis: &Analysis) -> Result<JsValue, JsError> {
    // NOTE: the result crosses into JS as one JSON string parsed by the
    // engine's JSON.parse, not object by object: building each field with
    // its own call across the boundary was most of the time of a short
    // article. It is the CLI's JSON exactly (None is null).
    let json = serde_json::to_string(analysis)
        .map_err(|e| JsError::new(&format!("whosaid.analyze: {e}")))?;
    js_sys::JSON::parse(&json)
        .map_err(|_| JsError::new("whosaid.analyze: the result could not be read as JSON"))
}

fn read_options(options: &JsValue) -> Result<Options, JsError> {
    let mut out = Options { offsets: OffsetUnit::Utf16, ..Options::default() };
    if options.is_undefined() || options.is_null() {
        return Ok(out);
    }
    if !options.is_object() {
        return Err(JsError::new(
            "whosaid.analyze: options must be an object, like { offsets: \"utf16\" }",
        ));
    }
    let offsets =
        js_sys::Reflect::get(options, &JsValue::from_str("offsets")).unwrap_or(JsValue::UNDEFINED);
    if !offsets.is_undefined() {
        let unit = offsets
            .as_string()
            .ok_or_else(|| JsError::new("whosaid.analyze: options.offsets must be a string"))?;
        out.offsets =
            unit.parse().map_err(|e: String| JsError::new(&format!("whosaid.analyze: {e}")))?;
    }
    let continuations = js_sys::Reflect::get(options, &JsValue::from_str("continuations"))
        .unwrap_or(JsValue::UNDEFINED);
    if !continuations.is_undefined() {
        let how = continuations.as_string().ok_or_else(|| {
            JsError::new("whosaid.analyze: options.continuations must be a string")
        })?;
        out.continuations =
            how.parse().map_err(|e: String| JsError::new(&format!("whosaid.analyze: {e}")))?;
    }
    Ok(out)
}

/// The version of the engine.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
