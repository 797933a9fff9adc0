//! `truce stats --format json`: the statistics under a schema version. Within
//! `version` 1 fields may be added, never renamed, retyped or removed.

use crate::stats::Stats;

/// The schema version of the JSON `truce stats` writes.
pub const VERSION: u32 = 1;

pub fn render(stats: &Stats) -> String {
    #[derive(serde::Serialize)]
    struct Envelope<'a> {
        version: u32,
        #[serde(flatten)]
        stats: &'a Stats,
    }
    let envelope = Envelope {
        version: VERSION,
        stats,
    };
    serde_json::to_string_pretty(&envelope).unwrap_or_default() + "\n"
}
