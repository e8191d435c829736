//! Radar charts rendered to pixels with resvg, and checked for what a reader
//! sees: a round at the lowest level everywhere still encloses an area, an
//! unscored domain leaves no vertex, coinciding series stay
//! distinguishable, the interquartile band shows.
//!
//! Also writes the tour's chart as a PNG, reproducibly:
//! `cargo test --all-features --test radar_render tour_chart_png` writes
//! `out/tour/chorley_radar.png`.
// Helpers outside #[test] functions unwrap too: a panic is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    reason = "pixel coordinates"
)]

use integration_outcomes::Date;
use integration_outcomes::maturity::{
    AgreementPolicy, Assessment, Framework, Profile, RadarChart, Respondent, Response, Score,
};
use resvg::{tiny_skia, usvg};

/// The chart's geometry (`src/maturity/radar.rs`): centre, lowest ring,
/// highest ring.
const CENTRE: (f64, f64) = (450.0, 360.0);
const INNER: f64 = 40.0;
const RADIUS: f64 = 200.0;
const BLUE: (u8, u8, u8) = (0x00, 0x72, 0xB2);
const VERMILLION: (u8, u8, u8) = (0xD5, 0x5E, 0x00);

fn render(svg: &str) -> tiny_skia::Pixmap {
    let mut options = usvg::Options::default();
    // Text is drawn with whatever fonts the machine has; the assertions
    // look only at the geometry, so they hold without any.
    let fonts = options.fontdb_mut();
    fonts.load_system_fonts();
    let family = fonts
        .faces()
        .flat_map(|face| face.families.iter().map(|(name, _)| name.clone()))
        .find(|name| name == "DejaVu Sans" || name == "Liberation Sans" || name == "Arial")
        .or_else(|| fonts.faces().next().and_then(|f| f.families.first().map(|(n, _)| n.clone())));
    if let Some(family) = family {
        fonts.set_sans_serif_family(family);
    }
    let tree = usvg::Tree::from_str(svg, &options).unwrap();
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
}

fn rgb(pixmap: &tiny_skia::Pixmap, x: f64, y: f64) -> (u8, u8, u8) {
    let p = pixmap.pixel(x.round() as u32, y.round() as u32).unwrap();
    (p.red(), p.green(), p.blue())
}

fn close(a: (u8, u8, u8), b: (u8, u8, u8), tolerance: u8) -> bool {
    a.0.abs_diff(b.0) <= tolerance
        && a.1.abs_diff(b.1) <= tolerance
        && a.2.abs_diff(b.2) <= tolerance
}

/// The point at `r` on axis `i` of 8 (the first pointing up, clockwise).
fn on_axis(i: usize, r: f64) -> (f64, f64) {
    let angle = std::f64::consts::TAU * (i as f64) / 8.0 - std::f64::consts::FRAC_PI_2;
    (CENTRE.0 + r * angle.cos(), CENTRE.1 + r * angle.sin())
}

/// Radius of `level` on AQuA's 1–5 scale.
fn ring(level: f64) -> f64 {
    INNER + (RADIUS - INNER) * (level - 1.0) / 4.0
}

/// A round in which every respondent gives every domain the levels in
/// `levels` (one respondent per level), except the `unscored` domains.
fn round(levels: &[u8], unscored: &[&str]) -> Profile {
    let aqua = Framework::builtin("aqua-sif-2014").unwrap();
    let responses: Vec<Response> = levels
        .iter()
        .enumerate()
        .map(|(k, &level)| {
            let mut builder =
                Response::builder(&aqua, Respondent::new(format!("R{k}"), "NHS").unwrap());
            for domain in aqua.domains() {
                if !unscored.contains(&domain.id()) {
                    builder = builder.score(domain.id(), Score::Level(level)).unwrap();
                }
            }
            builder.build()
        })
        .collect();
    Assessment::new(&aqua, "P", Date::new(2026, 1, 15).unwrap(), "baseline", responses)
        .unwrap()
        .profile()
}

fn blank(profile: &Profile) -> tiny_skia::Pixmap {
    render(&RadarChart::new("P", profile).unwrap().to_svg())
}

/// Pixels within `r` of the centre that differ from the empty chart.
fn tinted_near_centre(chart: &tiny_skia::Pixmap, empty: &tiny_skia::Pixmap, r: f64) -> usize {
    let mut count = 0;
    for dy in -(r as i32)..=(r as i32) {
        for dx in -(r as i32)..=(r as i32) {
            if f64::from(dx * dx + dy * dy) > r * r {
                continue;
            }
            let (x, y) = (CENTRE.0 + f64::from(dx), CENTRE.1 + f64::from(dy));
            if rgb(chart, x, y) != rgb(empty, x, y) {
                count += 1;
            }
        }
    }
    count
}

#[test]
fn a_round_at_the_lowest_level_everywhere_encloses_an_area() {
    let profile = round(&[1, 1, 1], &[]);
    let chart = render(
        &RadarChart::new("P", &profile)
            .unwrap()
            .with_profile("Baseline", &profile)
            .unwrap()
            .to_svg(),
    );
    let empty = blank(&profile);
    // The disc of radius 30 lies inside the lowest ring (an octagon of
    // radius 40): all of it is shaded, not a point at the centre.
    let disc = std::f64::consts::PI * 30.0 * 30.0;
    let tinted = tinted_near_centre(&chart, &empty, 30.0) as f64;
    assert!(tinted > 0.95 * disc, "only {tinted} of {disc:.0} pixels shaded");
    // The vertex sits on the lowest ring, away from the centre.
    let (x, y) = on_axis(0, ring(1.0));
    assert!(close(rgb(&chart, x, y), BLUE, 40), "{:?}", rgb(&chart, x, y));
    assert!(!close(rgb(&chart, CENTRE.0, CENTRE.1), BLUE, 40));
}

#[test]
fn an_unscored_domain_leaves_a_gap_with_no_vertex() {
    // Culture, the third axis (pointing right), is unscored; the rest are at 3.
    let profile = round(&[3, 3, 3], &["culture"]);
    let svg = RadarChart::new("P", &profile)
        .unwrap()
        .with_profile("Baseline", &profile)
        .unwrap()
        .to_svg();
    let chart = render(&svg);
    let empty = blank(&profile);
    // Nothing of the series anywhere along the culture axis, from just
    // outside the centre to beyond the outer ring: no vertex, no line into
    // it, no zero.
    for step in 12..=210 {
        for offset in [-2.0, 0.0, 2.0] {
            let (x, y) = (CENTRE.0 + f64::from(step), CENTRE.1 + offset);
            assert_eq!(rgb(&chart, x, y), rgb(&empty, x, y), "series drawn at ({x}, {y})");
        }
    }
    // A scored domain does have its vertex at level 3.
    let (x, y) = on_axis(0, ring(3.0));
    assert!(close(rgb(&chart, x, y), BLUE, 40), "{:?}", rgb(&chart, x, y));
    assert!(svg.contains("no value: Baseline"));
}

#[test]
fn coinciding_series_stay_distinguishable() {
    let profile = round(&[2, 2, 2], &[]);
    let svg = RadarChart::new("P", &profile)
        .unwrap()
        .with_profile("Baseline", &profile)
        .unwrap()
        .with_profile("Review", &profile)
        .unwrap()
        .to_svg();
    let chart = render(&svg);
    // Along the edge from the first axis to the second at level 2, both
    // colours show: the first series is wider, the second dashed on top.
    let (ax, ay) = on_axis(0, ring(2.0));
    let (bx, by) = on_axis(1, ring(2.0));
    let (mut blue, mut vermillion) = (0, 0);
    for t in 10..90 {
        let t = f64::from(t) / 100.0;
        let (x, y) = (ax + t * (bx - ax), ay + t * (by - ay));
        for dx in -3..=3 {
            for dy in -3..=3 {
                let c = rgb(&chart, x + f64::from(dx), y + f64::from(dy));
                blue += usize::from(close(c, BLUE, 30));
                vermillion += usize::from(close(c, VERMILLION, 30));
            }
        }
    }
    assert!(blue > 50 && vermillion > 50, "blue {blue}, vermillion {vermillion}");
    assert!(svg.contains("stroke-dasharray=\"9 5\""));
}

#[test]
fn the_interquartile_band_shows_behind_the_median() {
    // Ratings 2, 3, 4 everywhere: median 3, quartiles 2.5 and 3.5.
    let profile = round(&[2, 3, 4], &[]);
    let chart = render(
        &RadarChart::new("P", &profile)
            .unwrap()
            .with_profile("Baseline", &profile)
            .unwrap()
            .to_svg(),
    );
    let empty = blank(&profile);
    // Halfway between the median and the third quartile on an axis, and
    // halfway between two axes, the band shades the chart.
    let (x, y) = on_axis(4, ring(3.3));
    assert_ne!(rgb(&chart, x, y), rgb(&empty, x, y));
    let (ax, ay) = on_axis(5, ring(3.35));
    let (bx, by) = on_axis(6, ring(3.35));
    let (mx, my) = ((ax + bx) / 2.0, (ay + by) / 2.0);
    assert_ne!(rgb(&chart, mx, my), rgb(&empty, mx, my));
    // Beyond the third quartile, nothing.
    let (x, y) = on_axis(4, ring(3.8));
    assert_eq!(rgb(&chart, x, y), rgb(&empty, x, y));
}

#[test]
fn split_domains_are_ringed() {
    let profile = round(&[1, 5], &[]);
    let svg = RadarChart::new("P", &profile)
        .unwrap()
        .with_splits_marked(&AgreementPolicy::RandRegion { fewer_than: 1 })
        .unwrap()
        .with_profile("Baseline", &profile)
        .unwrap()
        .to_svg();
    assert_eq!(svg.matches("class=\"split\"").count(), 8);
    assert!(svg.contains("A ring around a point: the panel is split"));
    let agreed = round(&[3, 3], &[]);
    let svg = RadarChart::new("P", &agreed)
        .unwrap()
        .with_splits_marked(&AgreementPolicy::RandRegion { fewer_than: 1 })
        .unwrap()
        .with_profile("Baseline", &agreed)
        .unwrap()
        .to_svg();
    assert_eq!(svg.matches("class=\"split\"").count(), 0);
}

/// The tour's chart (`examples/tour.rs`), rendered to
/// `out/tour/chorley_radar.png`.
#[cfg(feature = "csv")]
#[test]
fn tour_chart_png_is_written() {
    let framework = Framework::builtin("aqua-sif-chorley").unwrap();
    let partnership = "Chorley Public Service Reform Partnership";
    let read = |date: Date, label: &str, sheet: &str| {
        Assessment::from_csv(&framework, partnership, date, label, sheet.as_bytes())
            .unwrap()
            .profile()
    };
    let before = read(
        Date::new(2015, 10, 20).unwrap(),
        "baseline",
        include_str!("../examples/data/chorley_baseline.csv"),
    );
    let after = read(
        Date::new(2016, 4, 19).unwrap(),
        "six-month review",
        include_str!("../examples/data/chorley_six_month_review.csv"),
    );
    let svg = RadarChart::new(format!("{partnership}: AQuA self-assessment"), &after)
        .unwrap()
        .with_splits_marked(&AgreementPolicy::RandRegion { fewer_than: 3 })
        .unwrap()
        .with_profile("Baseline, October 2015", &before)
        .unwrap()
        .with_profile("Six-month review, April 2016", &after)
        .unwrap()
        .to_svg();
    let pixmap = render(&svg);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("out").join("tour");
    std::fs::create_dir_all(&dir).unwrap();
    pixmap.save_png(dir.join("chorley_radar.png")).unwrap();
    assert!(pixmap.width() > 800 && pixmap.height() > 600);
}
