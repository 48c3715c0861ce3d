//! A byte-oriented HTML tokenizer that feeds html5ever's tree builder.
//!
//! Why by hand: html5ever's own tokenizer steps through the input one `char` at a time
//! through a `BufferQueue` and copies every tag name, attribute value and text run into a
//! fresh tendril. On real pages that is about four fifths of html5ever's parse time (see
//! `docs/BENCHMARKS.md`), and no crate offers a faster tokenizer for html5ever 0.40's tree
//! builder (html5gum is no faster and targets an older html5ever). This one finds markup
//! with `memchr` and hands the tree builder zero-copy slices of one shared input tendril.
//!
//! It implements the tokenizer of WHATWG HTML §13.2.5 as html5ever does — data, tags and
//! attributes, character references, comments, doctypes, CDATA in foreign content, RCDATA,
//! RAWTEXT, script data with its escaped states, PLAINTEXT — so the tree is the one
//! html5ever builds (the differential tests in `sink.rs` hold it to that), with four
//! documented departures that bound the work or the output:
//! - NUL bytes never reach it (`sink::preprocess` drops them, where html5ever drops them in
//!   text and writes U+FFFD elsewhere);
//! - a doctype outside the common forms (`<!DOCTYPE name>`, then optional quoted public
//!   and system identifiers) ends at the next `>` and sets quirks mode, as the
//!   specification's error paths nearly all do;
//! - a tag keeps at most [`MAX_ATTRIBUTES`] attributes (the duplicate check is quadratic,
//!   and a 32 MiB attribute flood would otherwise take hours);
//! - a `<title>` whose text would run to the end of the input, or past [`TITLE_MAX`] bytes,
//!   and holds something that opens a tag, ends at that tag: a missing or misspelt
//!   `</title>` (`<title>News<title>`, `</tilte>`) would otherwise make the whole page, or
//!   everything up to an SVG icon's `</title>`, the document's title and leave the body
//!   empty. [`run`] returns where it did so, and the differential tests give html5ever the
//!   `</title>` there.

use std::borrow::Cow;

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::{Attribute, LocalName, QualName, local_name, ns};
use memchr::{memchr, memchr2, memmem};

/// Attributes kept per tag; later ones are dropped. Real pages stay far below.
pub(super) const MAX_ATTRIBUTES: usize = 256;

/// Bytes of `<title>` text past which markup inside it means a broken close tag, not a
/// title: real titles are a line or two (a long CJK one is a few hundred bytes).
pub(super) const TITLE_MAX: usize = 2048;

/// Tokenizes `input` (newlines already normalized, no NUL bytes) into `sink`, ending with
/// the EOF token. Stops early, without the EOF token, as soon as `halt` says so (checked
/// after every tag). Returns the offsets where a runaway `<title>` was closed (see the
/// module doc).
pub(super) fn run<S: TokenSink>(input: &StrTendril, sink: &S, halt: impl Fn() -> bool) -> Vec<usize> {
    let mut lexer = Lexer {
        src: input,
        bytes: input.as_bytes(),
        pos: 0,
        sink,
        mode: Mode::Data,
        last_start: None,
        title_close: None,
        title_cuts: Vec::new(),
    };
    if input.starts_with('\u{feff}') {
        lexer.pos = '\u{feff}'.len_utf8();
    }
    while lexer.pos < lexer.bytes.len() {
        match lexer.mode {
            Mode::Data => lexer.data(),
            Mode::Raw(kind) => lexer.raw(kind),
            Mode::Plaintext => {
                lexer.text(lexer.pos, lexer.bytes.len(), false);
                lexer.pos = lexer.bytes.len();
            }
        }
        if halt() {
            return lexer.title_cuts;
        }
    }
    lexer.emit(Token::EOFToken);
    lexer.title_cuts
}

/// What the tree builder last asked the tokenizer to read.
#[derive(Clone, Copy)]
enum Mode {
    Data,
    Raw(RawKind),
    Plaintext,
}

struct Lexer<'a, S> {
    src: &'a StrTendril,
    bytes: &'a [u8],
    pos: usize,
    sink: &'a S,
    mode: Mode,
    /// Name of the last start tag: the end tag that closes raw text.
    last_start: Option<LocalName>,
    /// The last search for `</title`: where it began and what it found. Titles cut short
    /// resume tokenizing before the close tag, so a page of unclosed titles would otherwise
    /// scan to its end once per title.
    title_close: Option<(usize, Option<usize>)>,
    /// Where runaway titles were closed.
    title_cuts: Vec<usize>,
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b' ')
}

impl<S: TokenSink> Lexer<'_, S> {
    fn emit(&mut self, token: Token) {
        self.mode = match self.sink.process_token(token, 1) {
            TokenSinkResult::RawData(kind) => Mode::Raw(kind),
            TokenSinkResult::Plaintext => Mode::Plaintext,
            TokenSinkResult::Continue | TokenSinkResult::Script(_) => Mode::Data,
            TokenSinkResult::EncodingIndicator(_) => self.mode,
        };
    }

    /// Emits `bytes[start..end]` as character tokens, with character references decoded
    /// when `refs` (data and RCDATA; not raw text).
    fn text(&mut self, start: usize, end: usize, refs: bool) {
        if start >= end {
            return;
        }
        if refs
            && self.bytes[start] == b'&'
            && char_ref(&self.bytes[..end], start, false).is_some_and(|r| r.malformed)
        {
            // html5ever reports a malformed reference before its characters, which ends the
            // tree builder's "drop a newline right after <pre>" window: `<pre>&#10` keeps its
            // newline.
            self.emit(Token::ParseError(Cow::Borrowed("malformed character reference")));
        }
        let text = if refs { self.decoded(start, end, false) } else { self.slice(start, end) };
        self.emit(Token::CharacterTokens(text));
    }

    /// `bytes[start..end]` as a tendril sharing the input's buffer.
    fn slice(&self, start: usize, end: usize) -> StrTendril {
        self.src.subtendril(start as u32, (end - start) as u32)
    }

    /// `bytes[start..end]` with its character references decoded.
    fn decoded(&self, start: usize, end: usize, in_attr: bool) -> StrTendril {
        let Some(first) = memchr(b'&', &self.bytes[start..end]) else {
            return self.slice(start, end);
        };
        let mut out = String::with_capacity(end - start);
        let (mut copied, mut at) = (start, start + first);
        while at < end {
            match char_ref(&self.bytes[..end], at, in_attr) {
                Some(r) => {
                    out.push_str(&self.src[copied..at]);
                    out.extend(r.chars.into_iter().flatten());
                    copied = r.end;
                    at = r.end;
                }
                None => at += 1,
            }
            at = memchr(b'&', &self.bytes[at..end]).map_or(end, |i| at + i);
        }
        out.push_str(&self.src[copied..end]);
        StrTendril::from(out)
    }

    /// Data state: text up to the next markup, then the markup.
    fn data(&mut self) {
        let start = self.pos;
        let mut at = start;
        loop {
            let Some(lt) = memchr(b'<', &self.bytes[at..]).map(|i| at + i) else {
                self.text(start, self.bytes.len(), true);
                self.pos = self.bytes.len();
                return;
            };
            let next = self.bytes.get(lt + 1).copied();
            let after = self.bytes.get(lt + 2).copied();
            let markup = match next {
                Some(b) if b.is_ascii_alphabetic() => true,
                Some(b'!' | b'?') => true,
                Some(b'/') => after.is_some(),
                _ => false,
            };
            if !markup {
                at = lt + 1;
                continue;
            }
            self.text(start, lt, true);
            match (next, after) {
                (Some(b'!'), _) => self.declaration(lt + 2),
                (Some(b'?'), _) => self.bogus_comment(lt + 1),
                (Some(b'/'), Some(b'>')) => {
                    // No token, but html5ever reports the error as one, and that ends the
                    // tree builder's "drop a newline right after <pre>" window.
                    self.pos = lt + 3;
                    self.emit(Token::ParseError(Cow::Borrowed("empty end tag")));
                }
                (Some(b'/'), Some(b)) if b.is_ascii_alphabetic() => self.tag(TagKind::EndTag, lt + 2),
                (Some(b'/'), _) => self.bogus_comment(lt + 2),
                _ => self.tag(TagKind::StartTag, lt + 1),
            }
            return;
        }
    }

    /// RCDATA, RAWTEXT and script data: text up to the end tag matching the last start tag.
    fn raw(&mut self, kind: RawKind) {
        let name = self.last_start.clone().unwrap_or_default();
        let start = self.pos;
        let end = match kind {
            RawKind::Rcdata if name == local_name!("title") => {
                let end = self.title_end(start);
                if let Some(cut) = self.title_cut(start, end) {
                    self.text(start, cut, true);
                    self.title_cuts.push(cut);
                    self.pos = cut;
                    let name = local_name!("title");
                    let attrs = Vec::new();
                    let tag = Tag {
                        kind: TagKind::EndTag,
                        name,
                        self_closing: false,
                        attrs,
                        had_duplicate_attributes: false,
                    };
                    self.emit(Token::TagToken(tag));
                    return;
                }
                end
            }
            RawKind::Rcdata | RawKind::Rawtext => self.find_end_tag(start, &name),
            // html5ever's tree builder asks only for plain script data; the escaped states
            // are the tokenizer's own, followed by `script_end`.
            RawKind::ScriptData | RawKind::ScriptDataEscaped(_) => self.script_end(start, &name),
        };
        let refs = kind == RawKind::Rcdata;
        match end {
            Some(end) => {
                self.text(start, end, refs);
                self.tag(TagKind::EndTag, end + 2);
            }
            None => {
                self.text(start, self.bytes.len(), refs);
                self.pos = self.bytes.len();
            }
        }
    }

    /// Whether `bytes[at..]` opens with `prefix` then `name` (any case) and a space, `/` or `>`.
    fn is_tag_open(&self, at: usize, prefix: &[u8], name: &[u8]) -> bool {
        let rest = &self.bytes[at..];
        let n = prefix.len() + name.len();
        rest.len() > n
            && rest.starts_with(prefix)
            && rest[prefix.len()..n].eq_ignore_ascii_case(name)
            && matches!(rest[n], b'\t' | b'\n' | b'\x0C' | b' ' | b'/' | b'>')
    }

    /// [`Lexer::find_end_tag`] for `</title`, remembering the answer: a search begun
    /// earlier whose find lies at or after `from` has the same answer.
    fn title_end(&mut self, from: usize) -> Option<usize> {
        if let Some((began, found)) = self.title_close
            && began <= from
            && found.is_none_or(|f| f >= from)
        {
            return found;
        }
        let found = self.find_end_tag(from, "title");
        self.title_close = Some((from, found));
        found
    }

    /// Where a title begun at `from` and closed at `end` (`None`: never) is cut short: at
    /// the first tag inside it, when it runs to the end of the input or past
    /// [`TITLE_MAX`] bytes. A title with no tag inside keeps the specification's reading.
    fn title_cut(&self, from: usize, end: Option<usize>) -> Option<usize> {
        let stop = end.unwrap_or(self.bytes.len());
        if end.is_some() && stop - from <= TITLE_MAX {
            return None;
        }
        let mut at = from;
        while let Some(i) = memchr(b'<', &self.bytes[at..stop]) {
            let lt = at + i;
            let opens = match self.bytes.get(lt + 1) {
                Some(b) if b.is_ascii_alphabetic() || *b == b'!' => true,
                Some(b'/') => self.bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic),
                _ => false,
            };
            if opens {
                return Some(lt);
            }
            at = lt + 1;
        }
        None
    }

    /// Position of the first `</name` (any case) followed by a space, `/` or `>`.
    fn find_end_tag(&self, from: usize, name: &str) -> Option<usize> {
        let mut at = from;
        while let Some(i) = memmem::find(&self.bytes[at..], b"</") {
            let lt = at + i;
            if self.is_tag_open(lt, b"</", name.as_bytes()) {
                return Some(lt);
            }
            at = lt + 2;
        }
        None
    }

    /// Position of the `</script` that ends script data begun at `from`, following the
    /// escaped states: after `<!--`, a `<script` makes the next `</script>` part of the
    /// script, and `-->` leaves the escape.
    fn script_end(&self, from: usize, name: &str) -> Option<usize> {
        #[derive(PartialEq)]
        enum State {
            Data,
            Escaped,
            DoubleEscaped,
        }
        let name = name.as_bytes();
        let mut state = State::Data;
        let mut at = from;
        loop {
            let i = match state {
                State::Data => at + memchr(b'<', &self.bytes[at..])?,
                _ => at + memchr2(b'<', b'>', &self.bytes[at..])?,
            };
            at = i + 1;
            if self.bytes[i] == b'>' {
                if self.bytes[..i].ends_with(b"--") {
                    state = State::Data;
                }
                continue;
            }
            match state {
                State::Data | State::Escaped if self.is_tag_open(i, b"</", name) => return Some(i),
                // Its dashes count towards a closing `-->`: `<!-->` opens and closes.
                State::Data if self.bytes[i..].starts_with(b"<!--") => state = State::Escaped,
                State::Escaped if self.is_tag_open(i, b"<", name) => state = State::DoubleEscaped,
                State::DoubleEscaped if self.is_tag_open(i, b"</", name) => state = State::Escaped,
                _ => {}
            }
        }
    }

    /// A start or end tag whose name begins at `at`. A tag cut off by the end of input is
    /// dropped, as the specification says.
    fn tag(&mut self, kind: TagKind, at: usize) {
        let len = self.bytes.len();
        let name_end = self.bytes[at..]
            .iter()
            .position(|&b| is_space(b) || b == b'/' || b == b'>')
            .map_or(len, |i| at + i);
        let name = self.name(at, name_end);
        let mut tag =
            Tag { kind, name, self_closing: false, attrs: Vec::new(), had_duplicate_attributes: false };
        let mut k = name_end;
        loop {
            while k < len && is_space(self.bytes[k]) {
                k += 1;
            }
            let Some(&b) = self.bytes.get(k) else {
                self.pos = len;
                return;
            };
            match b {
                b'>' => {
                    k += 1;
                    break;
                }
                b'/' => {
                    if self.bytes.get(k + 1) == Some(&b'>') {
                        tag.self_closing = true;
                        k += 2;
                        break;
                    }
                    k += 1;
                }
                _ => match self.attribute(k) {
                    Some((attr, next)) => {
                        if tag.attrs.len() >= MAX_ATTRIBUTES
                            || tag.attrs.iter().any(|a| a.name.local == attr.name.local)
                        {
                            tag.had_duplicate_attributes = true;
                        } else {
                            tag.attrs.push(attr);
                        }
                        k = next;
                    }
                    None => {
                        self.pos = len;
                        return;
                    }
                },
            }
        }
        self.pos = k;
        if kind == TagKind::StartTag {
            self.last_start = Some(tag.name.clone());
        }
        self.emit(Token::TagToken(tag));
    }

    /// An attribute whose name begins at `at`, and the position after it; `None` if the
    /// input ends inside it.
    fn attribute(&self, at: usize) -> Option<(Attribute, usize)> {
        let len = self.bytes.len();
        // The first character may be `=`; after it, `=` ends the name.
        let name_end = self.bytes[at + 1..]
            .iter()
            .position(|&b| is_space(b) || matches!(b, b'/' | b'>' | b'='))
            .map_or(len, |i| at + 1 + i);
        let name = QualName::new(None, ns!(), self.name(at, name_end));
        let mut k = name_end;
        while k < len && is_space(self.bytes[k]) {
            k += 1;
        }
        if k >= len {
            return None;
        }
        if self.bytes[k] != b'=' {
            return Some((Attribute { name, value: StrTendril::new() }, k));
        }
        k += 1;
        while k < len && is_space(self.bytes[k]) {
            k += 1;
        }
        let (value, next) = match *self.bytes.get(k)? {
            quote @ (b'"' | b'\'') => {
                let close = k + 1 + memchr(quote, &self.bytes[k + 1..])?;
                (self.decoded(k + 1, close, true), close + 1)
            }
            b'>' => (StrTendril::new(), k),
            _ => {
                let end = self.bytes[k..].iter().position(|&b| is_space(b) || b == b'>').map(|i| k + i)?;
                (self.decoded(k, end, true), end)
            }
        };
        Some((Attribute { name, value }, next))
    }

    /// A tag or attribute name, ASCII-lowercased.
    fn name(&self, start: usize, end: usize) -> LocalName {
        let raw = &self.src[start..end];
        if raw.bytes().any(|b| b.is_ascii_uppercase()) {
            LocalName::from(raw.to_ascii_lowercase())
        } else {
            LocalName::from(raw)
        }
    }

    /// After `<!`: a comment, a doctype, a CDATA section, or a bogus comment.
    fn declaration(&mut self, at: usize) {
        let rest = &self.bytes[at..];
        if rest.starts_with(b"--") {
            self.comment(at + 2);
        } else if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
            self.doctype(at + 7);
        } else if rest.starts_with(b"[CDATA[")
            && self.sink.adjusted_current_node_present_but_not_in_html_namespace()
        {
            self.cdata(at + 7);
        } else {
            self.bogus_comment(at);
        }
    }

    /// A CDATA section in SVG or MathML, whose text begins at `at`: text up to `]]>`.
    fn cdata(&mut self, at: usize) {
        let end = memmem::find(&self.bytes[at..], b"]]>").map_or(self.bytes.len(), |i| at + i);
        self.text(at, end, false);
        self.pos = (end + 3).min(self.bytes.len());
    }

    /// A comment whose text begins at `at` (after `<!--`): it ends at `-->` or `--!>`, or
    /// at once for `<!-->` and `<!--->`.
    fn comment(&mut self, at: usize) {
        let len = self.bytes.len();
        let (end, next) = if self.bytes[at..].starts_with(b">") {
            (at, at + 1)
        } else if self.bytes[at..].starts_with(b"->") {
            (at, at + 2)
        } else {
            let mut found = (len, len);
            let mut k = at;
            while let Some(i) = memmem::find(&self.bytes[k..], b"--") {
                let dash = k + i;
                let tail = &self.bytes[dash + 2..];
                if tail.starts_with(b">") {
                    found = (dash, dash + 3);
                    break;
                }
                if tail.starts_with(b"!>") {
                    found = (dash, dash + 4);
                    break;
                }
                k = dash + 1;
            }
            found
        };
        let text = self.slice(at, end);
        self.pos = next;
        self.emit(Token::CommentToken(text));
    }

    /// A bogus comment (`<?...>`, `<!...>`, `</ ...>`) whose text begins at `at`.
    fn bogus_comment(&mut self, at: usize) {
        let end = memchr(b'>', &self.bytes[at..]).map_or(self.bytes.len(), |i| at + i);
        let text = self.slice(at, end);
        self.pos = (end + 1).min(self.bytes.len());
        self.emit(Token::CommentToken(text));
    }

    /// A doctype after `<!doctype`. Its common forms — a name, then optionally a quoted
    /// public identifier and/or system identifier — are read as the specification says;
    /// any other runs to the next `>` and sets quirks mode (see the module doc).
    fn doctype(&mut self, at: usize) {
        let (doctype, next) = self.common_doctype(at).unwrap_or_else(|| {
            let end = memchr(b'>', &self.bytes[at..]).map_or(self.bytes.len(), |i| at + i);
            let name = self.src[at..end]
                .split(['\t', '\n', '\x0C', ' '])
                .find(|w| !w.is_empty())
                .map(|w| StrTendril::from(w.to_ascii_lowercase()));
            (Doctype { name, public_id: None, system_id: None, force_quirks: true }, end + 1)
        });
        self.pos = next.min(self.bytes.len());
        self.emit(Token::DoctypeToken(doctype));
    }

    /// A doctype in one of its common forms, and the position after it.
    fn common_doctype(&self, at: usize) -> Option<(Doctype, usize)> {
        let bytes = self.bytes;
        let skip = |mut k: usize| {
            while k < bytes.len() && is_space(bytes[k]) {
                k += 1;
            }
            k
        };
        let quoted = |k: usize| -> Option<(StrTendril, usize)> {
            let quote = *bytes.get(k).filter(|&&q| q == b'"' || q == b'\'')?;
            let close = memchr(quote, &bytes[k + 1..])? + k + 1;
            memchr(b'>', &bytes[k + 1..close]).is_none().then(|| (self.slice(k + 1, close), close + 1))
        };
        // A missing space before the name is an error the specification reads past.
        let start = skip(at);
        let name_end = bytes[start..].iter().position(|&b| is_space(b) || b == b'>')? + start;
        if name_end == start {
            return None;
        }
        let name = StrTendril::from(self.src[start..name_end].to_ascii_lowercase());
        let mut k = skip(name_end);
        let keyword = |k: usize, word: &[u8]| {
            bytes.len() >= k + word.len() && bytes[k..k + word.len()].eq_ignore_ascii_case(word)
        };
        let (mut public_id, mut system_id) = (None, None);
        if keyword(k, b"public") {
            let (id, next) = quoted(skip(k + 6))?;
            public_id = Some(id);
            k = skip(next);
            if bytes.get(k) != Some(&b'>') {
                let (id, next) = quoted(k)?;
                system_id = Some(id);
                k = skip(next);
            }
        } else if keyword(k, b"system") {
            let (id, next) = quoted(skip(k + 6))?;
            system_id = Some(id);
            k = skip(next);
        }
        if bytes.get(k) != Some(&b'>') {
            // Anything after a system identifier is skipped without quirks (the bogus
            // doctype state); anywhere else it means quirks.
            system_id.as_ref()?;
            k = memchr(b'>', &bytes[k..]).map_or(bytes.len(), |i| k + i);
        }
        Some((Doctype { name: Some(name), public_id, system_id, force_quirks: false }, k + 1))
    }
}

/// A decoded character reference.
struct CharRef {
    /// The one or two characters it stands for.
    chars: [Option<char>; 2],
    /// Position just after it.
    end: usize,
    /// Whether it lacks its `;` or names an invalid code point (a parse error).
    malformed: bool,
}

/// Decodes the character reference at `bytes[amp]` (an `&`) as html5ever does, or `None`
/// when the `&` is literal.
/// `in_attr`: in an attribute value, a named reference without `;` followed by `=` or an
/// alphanumeric stays literal (`?a=1&copy=2` keeps its `&copy`).
fn char_ref(bytes: &[u8], amp: usize, in_attr: bool) -> Option<CharRef> {
    match *bytes.get(amp + 1)? {
        b'#' => numeric_ref(bytes, amp + 2),
        b if b.is_ascii_alphanumeric() => {
            // The entity table holds every prefix of every name: walk while it matches,
            // remembering the longest full name.
            let mut best = None;
            let mut k = amp + 1;
            while k < bytes.len() && bytes[k].is_ascii() {
                // Names are ASCII, so this slice ends on a character boundary.
                let name = std::str::from_utf8(&bytes[amp + 1..=k]).ok()?;
                match NAMED_ENTITIES.get(name) {
                    Some(&(0, _)) => {}
                    Some(&(c1, c2)) => best = Some((c1, c2, k + 1)),
                    None => break,
                }
                k += 1;
            }
            let (c1, c2, end) = best?;
            let next = bytes.get(end).copied();
            let malformed = bytes[end - 1] != b';';
            if malformed && in_attr && next.is_some_and(|b| b == b'=' || b.is_ascii_alphanumeric()) {
                return None;
            }
            Some(CharRef {
                chars: [char::from_u32(c1), char::from_u32(c2).filter(|_| c2 != 0)],
                end,
                malformed,
            })
        }
        _ => None,
    }
}

/// A numeric reference whose `#` has been read; `at` is just after it.
fn numeric_ref(bytes: &[u8], mut at: usize) -> Option<CharRef> {
    let base = if matches!(bytes.get(at), Some(b'x' | b'X')) {
        at += 1;
        16
    } else {
        10
    };
    let (mut n, mut too_big, mut digits) = (0u32, false, 0);
    while let Some(d) = bytes.get(at).and_then(|&b| (b as char).to_digit(base)) {
        n = n.wrapping_mul(base);
        too_big |= n > 0x10FFFF;
        n = n.wrapping_add(d);
        digits += 1;
        at += 1;
    }
    if digits == 0 {
        return None;
    }
    let semicolon = bytes.get(at) == Some(&b';');
    if semicolon {
        at += 1;
    }
    let scalar = |n: u32| char::from_u32(n).unwrap_or('\u{FFFD}');
    let (c, invalid) = match n {
        _ if too_big || n > 0x10FFFF => ('\u{FFFD}', true),
        0 | 0xD800..=0xDFFF => ('\u{FFFD}', true),
        0x80..=0x9F => (C1_REPLACEMENTS[(n - 0x80) as usize].unwrap_or(scalar(n)), true),
        0x01..=0x08 | 0x0B | 0x0D..=0x1F | 0x7F | 0xFDD0..=0xFDEF => (scalar(n), true),
        _ if n & 0xFFFE == 0xFFFE => (scalar(n), true),
        _ => (scalar(n), false),
    };
    Some(CharRef { chars: [Some(c), None], end: at, malformed: invalid || !semicolon })
}
