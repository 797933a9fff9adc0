//! Checks on the checked model, whichever front end built it: the `.truce`
//! resolver or the JSON interchange.

pub mod limits;
