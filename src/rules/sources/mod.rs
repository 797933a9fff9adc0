//! Disagreeing sources: where the reports of one text give different terms. They
//! are kept apart, each with its source, and reported, never merged.

family! {
    version_discrepancy,
}
