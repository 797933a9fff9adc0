//! Headless Chromium for the tests of the HTML reports: whether it is
//! installed, the DOM it builds from a page, what a measuring script finds in a
//! page rendered at a given width, and a screenshot.

use std::path::Path;
use std::process::Command;

/// Debian's `chromium`. The tests that need it are `#[ignore]`d, so that a
/// plain `cargo test` says they did not run; `.ci/run` installs Chromium and
/// runs them with `--ignored`, where a missing browser is a failure.
pub fn chromium() -> &'static str {
    ["chromium", "chromium-browser"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|output| output.status.success())
        })
        .expect("Chromium is not installed: `apt-get install chromium` (.ci/run installs it)")
}

/// Chromium's headless flags, for a window `width` wide and `height` high.
fn headless(browser: &str, width: u32, height: u32, profile: &Path) -> Command {
    let mut command = Command::new(browser);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--virtual-time-budget=2000",
        ])
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}

/// Run Chromium, failing the test with its error output if it fails.
fn succeed(command: &mut Command) -> std::process::Output {
    let output = command.output().expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The DOM Chromium builds from an HTML file, in a window `width` wide.
pub fn dump_dom(browser: &str, page: &Path, width: u32) -> String {
    let profile = tempfile::tempdir().expect("a temporary profile");
    let output = succeed(
        headless(browser, width, 900, profile.path())
            .arg("--dump-dom")
            .arg(format!("file://{}", page.display())),
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The page `html` shown in a frame exactly `width` px wide (and `height`
/// high) inside `directory`: headless Chromium will not make a window narrower
/// than 500 px, so the frame is what gives a phone's width. Returns the file
/// to open and the window width to open it in.
fn framed(directory: &Path, html: &str, width: u32, height: u32) -> (std::path::PathBuf, u32) {
    let page = directory.join("measured.html");
    let frame = directory.join("frame.html");
    std::fs::write(
        &frame,
        format!(
            "<!DOCTYPE html>\n<html><body style=\"margin: 0\">\
             <iframe src=\"measured.html\" style=\"border: 0; width: {width}px; height: {height}px\"></iframe>\
             <pre id=\"truce-measure\"></pre><script>\
             addEventListener(\"message\", (event) => {{ \
             document.getElementById(\"truce-measure\").textContent = event.data; }});\
             </script></body></html>"
        ),
    )
    .expect("the frame is written");
    std::fs::write(&page, html).expect("the page is written");
    (frame, width.max(500))
}

/// What measuring scripts share to judge contrast as WCAG 2 does: a computed
/// colour's channels, their relative luminance, and the colour painted behind
/// an element (the first ancestor with a background; white at the top).
pub const COLOURS: &str = r#"
const rgb = (colour) => colour.match(/[\d.]+/g).map(Number);
const luminance = ([r, g, b]) => {
  const linear = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
};
const behind = (element) => {
  for (let e = element; e; e = e.parentElement) {
    const paint = rgb(getComputedStyle(e).backgroundColor);
    if (paint.length < 4 || paint[3] > 0) return paint;
  }
  return [255, 255, 255];
};
"#;

/// Render a copy of `html` with `script` run at the end of its body, `width` px
/// wide, and return what the script reported: the script sets `out` to a
/// `<pre id="truce-measure">` holding its findings followed by `end-of-measure`,
/// and, being in a frame, posts that text to the page around it.
///
/// The script may call [`COLOURS`]' functions: `rgb`, `luminance`, `behind`.
pub fn measure_with(browser: &str, html: &str, width: u32, script: &str) -> String {
    let directory = tempfile::tempdir().expect("a temporary directory");
    assert!(html.contains("</body>"), "the page ends its body");
    let with_script = html.replacen(
        "</body>",
        &format!("<script>{COLOURS}</script>\n<script>{script}</script>\n</body>"),
        1,
    );
    let (frame, window) = framed(directory.path(), &with_script, width, 900);
    let dom = dump_dom(browser, &frame, window);
    dom.split_once("<pre id=\"truce-measure\">")
        .and_then(|(_, rest)| rest.split_once("end-of-measure"))
        .map(|(report, _)| report.to_string())
        .unwrap_or_else(|| panic!("the measuring script did not run:\n{dom:.2000}"))
}

/// A screenshot of `html` rendered `width` px wide and `height` px high,
/// written to `png`.
pub fn screenshot(browser: &str, html: &str, width: u32, height: u32, png: &Path) {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let (frame, window) = framed(directory.path(), html, width, height);
    let profile = tempfile::tempdir().expect("a temporary profile");
    succeed(
        headless(browser, window, height, profile.path())
            .arg(format!("--screenshot={}", png.display()))
            .arg(format!("file://{}", frame.display())),
    );
}

/// Width and height of a PNG file, from its header.
pub fn png_size(png: &Path) -> (u32, u32) {
    let bytes = std::fs::read(png).expect("the screenshot was written");
    assert!(
        bytes.len() > 24 && bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "not a PNG"
    );
    let number =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (number(16), number(20))
}
