//! Accepted gaps: what the `allow` lines of a document say about themselves.

family! {
    unused_allow,
}
