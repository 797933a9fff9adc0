//! `truce fmt --diff`: what formatting would change, as a unified diff that
//! `patch -p0` applies and a reviewer reads.

use similar::TextDiff;

/// Lines of context around each change, as `diff -u` gives.
const CONTEXT: usize = 3;

/// The unified diff from `before` to `after` for the file `name`, with
/// `--- name` and `+++ name` headers; empty when the texts are the same.
/// Line endings are compared as LF: that change is reported apart, as a
/// warning, rather than as every line of the file.
pub fn unified(name: &str, before: &str, after: &str) -> String {
    let before = before.replace("\r\n", "\n");
    if before == after {
        return String::new();
    }
    TextDiff::from_lines(before.as_str(), after)
        .unified_diff()
        .context_radius(CONTEXT)
        .header(name, name)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_shows_the_changed_lines_with_context() {
        let before = "a {\n    title \"A\"\n}\n";
        let after = "a {\n  title \"A\"\n}\n";
        assert_eq!(
            unified("x.truce", before, after),
            "--- x.truce\n+++ x.truce\n@@ -1,3 +1,3 @@\n a {\n-    title \"A\"\n+  title \"A\"\n }\n"
        );
        assert_eq!(unified("x.truce", after, after), "");
        // Only the line endings differ: no diff, the warning says it.
        assert_eq!(unified("x.truce", &after.replace('\n', "\r\n"), after), "");
    }
}
