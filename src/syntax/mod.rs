//! Source text → syntax tree.

mod advice;
mod atom;
mod parser;
mod tree;

pub use parser::{MAX_DEPTH, MAX_ERRORS, MAX_FILE_BYTES, parse};
pub use tree::*;
