//! Conflicts: terms of an agreement (or of an agreement and the one it ends) that
//! cannot all hold. Every check reads only operative clauses.

family! {
    access_conflict,
    aid_conditioned_on_concession,
    early_termination,
    deadline_before_signing,
    deadline_order,
    condition_cycle,
    conflicting_terms,
    short_ultimatum,
}
