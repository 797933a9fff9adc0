//! `truce compare --format html`: the page a mediator hands over. Its order,
//! its links, its marks and its right-to-left text from the HTML itself; its
//! layout, contrast and painted cells as headless Chromium renders it at a
//! desktop width and at 400 px. The Chromium tests are ignored by a plain
//! `cargo test`, which lists them as such; `.ci/run` runs them
//! (`cargo test --test compare_html -- --ignored`).

mod common;

use common::browser::{self, chromium, dump_dom};
use common::*;

use truce::compare;

// Helpers.

/// `truce compare IDS --format html` on the seed agreements.
fn page(ids: &[&str]) -> String {
    let mut args = vec!["compare"];
    args.extend_from_slice(ids);
    args.extend_from_slice(&["--format", "html"]);
    let output = truce(&args);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    stdout(&output)
}

/// Two drafts in one file, compared with `--in`.
fn page_of(text: &str) -> String {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let path = directory.path().join("drafts.truce");
    std::fs::write(&path, text).expect("the file is written");
    let path = path.display().to_string();
    let output = truce(&[
        "compare", "draft_1", "draft_2", "--in", &path, "--format", "html",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    stdout(&output)
}

/// The value of every `attribute="…"` in the page, in order.
fn attribute_values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let pattern = format!(" {attribute}=\"");
    html.match_indices(&pattern)
        .filter_map(|(at, _)| {
            let rest = &html[at + pattern.len()..];
            rest.split_once('"').map(|(value, _)| value)
        })
        .collect()
}

/// The `<li>` lines of the findings list after `heading` (up to its `</ul>`).
fn findings_after<'a>(html: &'a str, heading: &str) -> Vec<&'a str> {
    let (_, rest) = html
        .split_once(heading)
        .expect("the heading is on the page");
    let (list, _) = rest.split_once("</ul>").expect("the list ends");
    list.lines()
        .filter(|line| line.starts_with("<li"))
        .collect()
}

/// What the documents say in their own words, as the page must show them with
/// `dir="auto"`: titles, party names and clause texts.
fn document_texts(ids: &[&str]) -> Vec<String> {
    let ids: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
    let selection = compare::select(&ids, &[root().join("agreements")]);
    assert!(selection.errors.is_empty(), "{:#?}", selection.errors);
    let mut texts = Vec::new();
    for document in selection.documents() {
        texts.extend(document.title.as_ref().map(|title| title.value.to_string()));
        texts.extend(
            document
                .parties
                .iter()
                .filter_map(|party| party.name.as_ref().map(|name| name.value.to_string())),
        );
        texts.extend(
            document
                .clauses
                .iter()
                .filter_map(|clause| compare::show::text(clause).map(String::from)),
        );
    }
    texts
}

const SEED_THREAD: &[&str] = &["cairo_2017", "october_4_2017", "ten_item_proposal_2018"];
const AL_WAER: &[&str] = &["al_waer_proposal_2016", "al_waer_final_2017"];

const ARABIC: &str = r#"
agreement draft_1 {
  title "مسودة اتفاق وقف إطلاق النار"
  date 2018-04-01
  party regime "الحكومة السورية" side government
  party factions "فصائل المعارضة" side opposition
  clause 1 ceasefire { by regime, factions; text "وقف إطلاق النار في جميع المناطق" }
  clause 2 evacuation { people "المدنيون"; text "خروج المدنيين إلى الشمال" }
}
agreement draft_2 {
  title "الاتفاق النهائي"
  date 2018-04-05
  party regime "الحكومة السورية" side government role signatory
  party factions "فصائل المعارضة" side opposition
  clause 1 ceasefire { by regime, factions; text "وقف إطلاق النار في المناطق الشمالية" }
  clause 2 evacuation { people "المدنيون والجرحى"; text "خروج المدنيين والجرحى إلى الشمال" }
}
"#;

// The page as written.

#[test]
fn the_page_opens_with_the_summary_of_drafts_and_findings() {
    let html = page(SEED_THREAD);
    let body = html.split_once("<body>").expect("a body").1.trim_start();
    assert!(body.starts_with("<section id=\"summary\">"), "{body:.200}");
    let summary = body.split_once("</section>").expect("the summary ends").0;
    // The drafts, with their parties by their declared names, not their ids.
    for draft in SEED_THREAD {
        assert!(summary.contains(&format!("<strong dir=\"auto\">{draft}</strong>")));
    }
    assert!(summary.contains(">Syrian government</span> (government)"));
    assert!(!summary.contains(">regime<"));
    // The counts by severity and the gravest findings, linked to their rows.
    assert!(
        summary.contains("<td>0</td><td>1</td><td>8</td>"),
        "{summary}"
    );
    assert!(summary.contains("<code>commitment-weakened</code> <a href=\"#s1-r3\""));
    let gravest = summary
        .split_once("<p>Errors and warnings:</p>")
        .and_then(|(_, rest)| rest.split_once("</ul>"))
        .map(|(list, _)| list)
        .expect("the list of errors and warnings");
    assert!(
        !gravest.contains("class=\"info\"><span"),
        "infos where warnings are"
    );
    // The balance by camp and the weightiest changes, linked to their rows.
    assert!(summary.contains("<strong>Balance by camp:</strong> changes that favour each camp"));
    assert!(summary.contains("<ol class=\"weightiest findings\">"));
    // Then the steps, in order.
    let first = html
        .find("<section class=\"step\" id=\"s1\">")
        .expect("step 1");
    let second = html
        .find("<section class=\"step\" id=\"s2\">")
        .expect("step 2");
    assert!(html.find("<section id=\"summary\">").expect("summary") < first);
    assert!(first < second);
}

#[test]
fn findings_are_sorted_by_severity_and_link_to_their_rows() {
    let html = page(SEED_THREAD);
    let ids = attribute_values(&html, "id");
    let mut links = 0;
    for heading in ["<h3 id=\"s1-findings\">", "<h3 id=\"s2-findings\">"] {
        let findings = findings_after(&html, heading);
        assert!(!findings.is_empty());
        let rank = |line: &str| {
            [
                "<li class=\"error\"",
                "<li class=\"warning\"",
                "<li class=\"info\"",
            ]
            .iter()
            .position(|start| line.starts_with(start))
            .expect("a severity")
        };
        let ranks: Vec<usize> = findings.iter().map(|line| rank(line)).collect();
        assert!(ranks.is_sorted(), "{heading}: {ranks:?}");
        for finding in findings {
            let target = attribute_values(finding, "href");
            assert_eq!(target.len(), 1, "a finding without its row: {finding}");
            let target = target[0].strip_prefix('#').expect("a link within the page");
            assert!(ids.contains(&target), "no row {target}");
            links += 1;
        }
    }
    assert_eq!(links, 29);
    // The detainees' pledge links to the row of clause 3 and its old form.
    let row = "<tbody class=\"pair changed\" data-older=\"detainee_release\" \
               data-newer=\"clause 3 detainee_release\" id=\"s1-r3\">";
    assert!(html.contains(row));
    // Document-level terms link to the document rows.
    assert!(html.contains("<a href=\"#s1-doc\" dir=\"auto\">signatories russia, snc"));
}

#[test]
fn a_changed_value_marks_only_the_words_that_differ() {
    let html = page_of(
        r#"
agreement draft_1 {
  party regime "Syrian government" side government role signatory
  party russia "Russian delegation" side third
  clause 1 evacuation { people "civilians and fighters"; text "the civilians leave" }
}
agreement draft_2 {
  party regime "Syrian government" side government role signatory
  party russia "Russian delegation" side third role signatory
  clause 1 evacuation { people "civilians and wounded fighters"; text "the civilians leave" }
}
"#,
    );
    // The one word added, not the value, not the `people:` label.
    assert!(
        html.contains(
            "<span class=\"key\">people:</span> <span class=\"value\" dir=\"auto\">\
             &quot;civilians and <ins>wounded </ins>fighters&quot;</span>"
        ),
        "{html}"
    );
    assert!(!html.contains("<del>&quot;civilians"));
    // Signatories by name; only the new one marked.
    assert!(html.contains(
        "<span dir=\"auto\" title=\"regime\">Syrian government</span>; \
         <ins><span dir=\"auto\" title=\"russia\">Russian delegation</span></ins>"
    ));
}

#[test]
fn no_empty_cell_is_painted_and_marks_read_in_black_and_white() {
    let html = page(SEED_THREAD);
    // Empty cells carry `empty`, which no rule paints; cells with content don't.
    assert!(html.contains("<td class=\"older empty\"></td>"));
    for (at, _) in html.match_indices("empty\">") {
        assert!(
            html[at + "empty\">".len()..].starts_with("</"),
            "an `empty` cell with content: {:.80}",
            &html[at..]
        );
    }
    let style = html
        .split_once("<style>")
        .and_then(|(_, rest)| rest.split_once("</style>"))
        .expect("a stylesheet")
        .0;
    // The only painted cells are the tinted sides of added and removed clauses.
    let tints: Vec<&str> = style
        .lines()
        .filter(|line| line.contains("-tint)") && line.contains("tbody"))
        .collect();
    assert!(!tints.is_empty());
    for rule in tints {
        let selector = rule.split('{').next().unwrap_or_default();
        assert!(
            selector.split(',').all(|one| one.contains(":not(.empty)")),
            "a rule may paint an empty cell: {rule}"
        );
    }
    assert!(
        style.contains(
            "ins { background: var(--ins); color: var(--ink); text-decoration: underline;"
        )
    );
    assert!(style.contains(
        "del { background: var(--del); color: var(--ink); text-decoration: line-through;"
    ));
    let print = style
        .split_once("@media print {")
        .expect("a print stylesheet")
        .1;
    assert!(print.contains(
        "tbody.pair, tbody.document, table.compare tr, ul.findings li { break-inside: avoid; }"
    ));
    assert!(print.contains("print-color-adjust: exact"));
}

#[test]
fn arabic_text_is_marked_to_read_right_to_left() {
    let html = page_of(ARABIC);
    for text in [
        "<div class=\"text\" dir=\"auto\">وقف إطلاق النار في <del>جميع المناطق</del>",
        // The title apart from the date, which must not be reordered with it.
        "<strong dir=\"auto\">draft_1</strong>: <span class=\"title\" dir=\"auto\">مسودة اتفاق وقف إطلاق النار</span>, \
         <span dir=\"auto\">2018-04-01</span>",
        // A quotation in a finding is isolated: the arrow stays between old and new.
        "people &quot;<bdi dir=\"auto\">المدنيون</bdi>&quot; → &quot;<bdi dir=\"auto\">المدنيون والجرحى</bdi>&quot;",
        "<span dir=\"auto\" title=\"regime\">الحكومة السورية</span> (government)",
        "<span class=\"value\" dir=\"auto\">&quot;المدنيون<ins> والجرحى</ins>&quot;</span>",
    ] {
        assert!(html.contains(text), "the page lacks {text}\n{html}");
    }
}

#[test]
#[ignore = "needs Chromium: run with --ignored"]
fn arabic_text_renders_right_to_left_in_chromium() {
    let html = page_of(ARABIC);
    let browser = chromium();
    let report = measure(browser, &html, 1280, &[]);
    println!("{}", report.text);
    assert!(report.value("arabic-elements") > 5, "{}", report.text);
    // Every element holding Arabic has dir="auto" (or is a mark inside one)…
    assert!(report.problems("not-auto").is_empty(), "{}", report.text);
    // …and the clause texts render right to left.
    assert!(report.value("rtl-texts") >= 4, "{}", report.text);
}

// The page in a browser.

/// Measures the rendered page and writes what it found into a `<pre>`, one
/// `key: value` a line: counts, and one line per problem. Only the test's copy
/// of the page gets it; the page itself has no script.
const MEASURE: &str = r##"
(function () {
  const lines = [];
  const problem = (kind, what) => lines.push(kind + ": " + what);
  const shown = (element) => element.getClientRects().length > 0;
  const where = (element) => {
    const body = element.closest("tbody, li, dd, section");
    return (body && body.id ? body.id + " " : "") + element.tagName.toLowerCase() + "." +
      element.className + " «" + element.textContent.trim().slice(0, 40) + "»";
  };
  const width = window.innerWidth;
  lines.push("width: " + width);
  const page = document.documentElement.scrollWidth;
  if (page > width) problem("page-overflow", page + " exceeds " + width);
  for (const element of document.body.querySelectorAll("*")) {
    if (shown(element) && element.getBoundingClientRect().right > width + 0.5) {
      problem("beyond-viewport", where(element));
    }
  }
  let cells = 0;
  for (const cell of document.querySelectorAll("td, th")) {
    if (!shown(cell)) continue;
    cells += 1;
    if (cell.scrollWidth > cell.clientWidth + 1) {
      problem("cell-overflow", where(cell) + " " + cell.scrollWidth + " exceeds " + cell.clientWidth);
    }
    if (cell.textContent.trim() === "") {
      for (let e = cell; e && e.tagName !== "TABLE"; e = e.parentElement) {
        const paint = getComputedStyle(e).backgroundColor;
        if (paint !== "rgba(0, 0, 0, 0)" && paint !== "transparent") {
          problem("painted-empty-cell", where(cell) + " by " + e.tagName.toLowerCase() + " " + paint);
        }
      }
    }
  }
  lines.push("cells: " + cells);
  // Contrast of every text against what is painted behind it.
  // rgb, luminance and behind come from common::browser::COLOURS.
  let texts = 0;
  for (const element of document.body.querySelectorAll("*")) {
    const own = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== "");
    if (!own || !shown(element) || element.id === "truce-measure") continue;
    texts += 1;
    const a = luminance(rgb(getComputedStyle(element).color));
    const b = luminance(behind(element));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) problem("contrast", where(element) + " " + ratio.toFixed(2));
  }
  lines.push("texts: " + texts);
  // Order: the summary first.
  const first = document.body.firstElementChild;
  lines.push("first: " + first.tagName.toLowerCase() + "#" + first.id);
  // Every link within the page leads somewhere; a finding's to a row.
  let links = 0;
  for (const link of document.querySelectorAll("a[href^='#']")) {
    links += 1;
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) problem("dangling-link", link.getAttribute("href"));
    else if (link.closest("ul.findings") && target.tagName !== "TBODY") problem("finding-link", link.getAttribute("href"));
  }
  lines.push("links: " + links);
  // Document text: every element holding it has dir="auto" (a word mark inside one may not).
  const auto = (element) => element.getAttribute("dir") === "auto" ||
    (["INS", "DEL"].includes(element.tagName) && element.parentElement.getAttribute("dir") === "auto");
  const squash = (text) => text.replace(/\s+/g, " ").trim();
  const documentTexts = TEXTS.map(squash);
  let documentElements = 0;
  let arabic = 0;
  let rtl = 0;
  for (const element of document.body.querySelectorAll("*")) {
    if (element.id === "truce-measure") continue;
    const own = squash([...element.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(" "));
    if (own === "") continue;
    // Ten characters and a space: not a kind name or a word the page uses itself.
    const quoted = own.length >= 10 && own.includes(" ") && documentTexts.some((text) => text.includes(own));
    const isArabic = /[\u0600-\u06FF]/.test(own);
    if (quoted) documentElements += 1;
    if (isArabic) arabic += 1;
    if ((quoted || isArabic) && !auto(element)) problem("not-auto", where(element));
    if (element.matches("div.text") && getComputedStyle(element).direction === "rtl") rtl += 1;
  }
  lines.push("document-elements: " + documentElements);
  lines.push("arabic-elements: " + arabic);
  lines.push("rtl-texts: " + rtl);
  const out = document.createElement("pre");
  out.id = "truce-measure";
  out.textContent = "\n" + lines.join("\n") + "\nend-of-measure\n";
  document.body.appendChild(out);
  // Measured in a frame (see `measure`): tell the page around it.
  if (window.parent !== window) window.parent.postMessage(out.textContent, "*");
})();
"##;

/// What [`MEASURE`] found.
struct Report {
    text: String,
}

impl Report {
    fn lines(&self) -> impl Iterator<Item = (&str, &str)> {
        self.text.lines().filter_map(|line| line.split_once(": "))
    }

    fn value(&self, key: &str) -> usize {
        self.lines()
            .find(|(k, _)| *k == key)
            .and_then(|(_, value)| value.trim().parse().ok())
            .unwrap_or_else(|| panic!("no `{key}` measured:\n{}", self.text))
    }

    fn first(&self) -> &str {
        self.lines()
            .find(|(k, _)| *k == "first")
            .map(|(_, value)| value)
            .unwrap_or_default()
    }

    fn problems(&self, kind: &str) -> Vec<&str> {
        self.lines()
            .filter(|(k, _)| *k == kind)
            .map(|(_, what)| what)
            .collect()
    }
}

/// Render a copy of `html` with [`MEASURE`] appended, `width` px wide; `texts`
/// are the documents' own words to find on the page.
fn measure(browser: &str, html: &str, width: u32, texts: &[String]) -> Report {
    // `</` cannot end the script early however the documents are worded.
    let texts = serde_json::to_string(texts)
        .expect("strings serialise")
        .replace("</", "<\\/");
    let script = format!("const TEXTS = {texts};{MEASURE}");
    Report {
        text: browser::measure_with(browser, html, width, &script),
    }
}

#[test]
#[ignore = "needs Chromium: run with --ignored"]
fn html_renders_the_pairs_in_chromium() {
    let browser = chromium();
    let directory = tempfile::tempdir().expect("a temporary directory");

    let html = page(SEED_THREAD);
    let page_path = directory.path().join("thread.html");
    std::fs::write(&page_path, &html).expect("the page is written");
    let dom = dump_dom(browser, &page_path, 1280);
    for pair in [
        r#"<tbody class="pair changed" data-older="detainee_release" data-newer="clause 3 detainee_release" id="s1-r3">"#,
        r#"<tbody class="pair changed" data-older="ceasefire" data-newer="clause 1 ceasefire" id="s1-r1">"#,
        r#"<tbody class="pair added" data-older="" data-newer="clause 2 humanitarian_access" id="s1-r2">"#,
        r#"<tbody class="pair changed" data-older="clause 3 detainee_release" data-newer="clause 7 detainee_release""#,
        r#"<tbody class="pair removed" data-older="clause 1 ceasefire" data-newer="""#,
        r#"<tbody class="pair added" data-older="" data-newer="clause 9 conscription""#,
    ] {
        assert!(dom.contains(pair), "the page does not show {pair}");
    }
    assert!(dom.contains("commitment-weakened"));

    let (_hostile, path) = hostile_file();
    let output = truce(&[
        "compare", "draft_1", "draft_2", "--in", &path, "--format", "html",
    ]);
    let page_path = directory.path().join("hostile.html");
    std::fs::write(&page_path, &output.stdout).expect("the page is written");
    let dom = dump_dom(browser, &page_path, 1280);
    assert!(!dom.contains("<script"), "a script element was built");
    assert!(!dom.contains("<img"), "an image element was built");
    assert!(dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;"));
}

#[test]
#[ignore = "needs Chromium: run with --ignored"]
fn html_layout_contrast_and_links_in_chromium_at_two_widths() {
    let browser = chromium();
    for ids in [SEED_THREAD, AL_WAER] {
        let html = page(ids);
        let texts = document_texts(ids);
        for width in [1280, 400] {
            let report = measure(browser, &html, width, &texts);
            let context = format!("{ids:?} at {width} px:\n{}", report.text);
            println!("{context}");
            // The script measured the page it was meant to, at that width.
            assert_eq!(report.value("width"), width as usize, "{context}");
            assert!(report.value("cells") > 20, "{context}");
            assert!(report.value("links") > 5, "{context}");
            assert!(report.value("document-elements") > 5, "{context}");
            assert_eq!(report.first(), "section#summary", "{context}");
            for kind in [
                "page-overflow",
                "beyond-viewport",
                "cell-overflow",
                "painted-empty-cell",
                "contrast",
                "dangling-link",
                "finding-link",
                "not-auto",
            ] {
                assert!(report.problems(kind).is_empty(), "{kind}: {context}");
            }
        }
    }
}
