//! truce: a rules engine for ceasefire and local-settlement agreements.
//!
//! Data moves one way: source text → [`syntax`] tree → [`resolve`]d [`model`] →
//! [`rules`] findings → [`report`] renderers. [`app`] holds the commands of the
//! `truce` binary, as calls that return what to print and which exit code applies.

// Errors are the slow path: a `Diagnostic` carries its message, hint and spans by
// value so that every stage can build one without allocation gymnastics.
#![allow(clippy::result_large_err)]

pub mod app;
pub mod compare;
pub mod config;
pub mod coverage;
pub mod diagnostic;
pub mod error_code;
pub mod finding;
pub mod format;
pub mod interchange;
pub mod load;
pub mod lsp;
pub mod model;
pub mod model_checks;
pub mod pax;
pub mod redline;
pub mod resolve;
pub mod rules;
pub mod source;
pub mod stats;
pub mod suppress;
pub mod syntax;
pub mod testing;
pub mod text;
pub mod timeline;
pub mod vocabulary;

pub use load::{Loaded, load_inputs, load_paths, load_str, load_texts, load_texts_in};
pub mod report;
