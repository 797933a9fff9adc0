//! truce: a rules engine for ceasefire and local-settlement agreements.
//!
//! Data moves one way: source text → [`syntax`] tree → [`resolve`]d [`model`] →
//! [`rules`] findings → [`report`] renderers.

pub mod diagnostic;
pub mod load;
pub mod model;
pub mod resolve;
pub mod rules;
pub mod schema;
pub mod source;
pub mod syntax;

pub use load::{Loaded, load_paths, load_str};
pub mod report;
