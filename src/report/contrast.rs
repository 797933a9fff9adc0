//! WCAG 2 contrast between two colours, for the tests that hold the HTML
//! reports' palettes to 4.5:1.

/// `#rrggbb` as three channels from 0 to 1.
pub fn channels(hex: &str) -> [f64; 3] {
    let channel = |at: usize| {
        hex.get(at..at + 2)
            .and_then(|digits| u8::from_str_radix(digits, 16).ok())
            .unwrap_or_else(|| panic!("`{hex}` is not a #rrggbb colour")) as f64
            / 255.0
    };
    [channel(1), channel(3), channel(5)]
}

/// WCAG 2 relative luminance.
pub fn luminance([r, g, b]: [f64; 3]) -> f64 {
    let linear = |c: f64| {
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// The contrast ratio of two `#rrggbb` colours, from 1 to 21.
pub fn ratio(a: &str, b: &str) -> f64 {
    let (a, b) = (luminance(channels(a)), luminance(channels(b)));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// The pairings of `palette` (names to colours) below 4.5:1, as
/// `text on background: ratio`.
pub fn short_of_4_5(palette: &[(&str, &str)], pairings: &[(&str, &str)]) -> Vec<String> {
    let colour = |name: &str| {
        palette
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, hex)| *hex)
            .unwrap_or_else(|| panic!("no colour `{name}` in the palette"))
    };
    pairings
        .iter()
        .map(|(text, background)| (text, background, ratio(colour(text), colour(background))))
        .filter(|(_, _, ratio)| *ratio < 4.5)
        .map(|(text, background, ratio)| format!("{text} on {background}: {ratio:.2}"))
        .collect()
}

/// What in a stylesheet escapes its palette: a `var(--name)` the palette lacks,
/// a colour written out (`#rrggbb`, `rgb(`, `hsl(`), where the contrast test
/// would not see it. `#summary` is a selector, not a colour.
pub fn stray_colours(style: &str, palette: &[(&str, &str)]) -> Vec<String> {
    let mut stray = Vec::new();
    for used in style.split("var(--").skip(1) {
        let name = used.split(')').next().unwrap_or_default();
        if !palette.iter().any(|(known, _)| *known == name) {
            stray.push(format!("`--{name}`, which the palette lacks"));
        }
    }
    for (at, _) in style.match_indices('#') {
        let word: String = style[at + 1..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if matches!(word.len(), 3 | 6) && word.chars().all(|c| c.is_ascii_hexdigit()) {
            stray.push(format!("a colour outside the palette: #{word}"));
        }
    }
    for function in ["rgb(", "hsl("] {
        if style.contains(function) {
            stray.push(format!("a colour written as `{function}`"));
        }
    }
    stray
}

#[test]
fn a_stylesheet_may_use_only_its_palette() {
    let palette = [("ink", "#000000")];
    assert!(stray_colours("#summary { color: var(--ink) }", &palette).is_empty());
    assert_eq!(
        stray_colours("a { color: var(--red); background: #fff }", &palette),
        [
            "`--red`, which the palette lacks",
            "a colour outside the palette: #fff"
        ]
    );
}

#[test]
fn the_formula_is_wcag_s() {
    // Black on white is 21:1; #777 on white the known 4.48:1.
    assert!((ratio("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    assert!((ratio("#777777", "#ffffff") - 4.48).abs() < 0.01);
    assert_eq!(
        short_of_4_5(
            &[("grey", "#777777"), ("paper", "#ffffff")],
            &[("grey", "paper")]
        ),
        ["grey on paper: 4.48"]
    );
}
