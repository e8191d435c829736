//! SVG radar charts of profiles and targets, written without dependencies.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::text::is_blank;
use super::{Agreement, AgreementPolicy, ComparisonError, Profile, Scale, ScoreStatistics, Target};

const WIDTH: f64 = 900.0;
const CENTRE_X: f64 = 450.0;
const CENTRE_Y: f64 = 360.0;
/// Radius of the highest level's ring.
const RADIUS: f64 = 200.0;
/// Radius of the lowest level's ring: away from the centre, so that a round
/// whose medians are all at the lowest level still encloses an area.
const INNER: f64 = 40.0;
/// Okabe–Ito colours, distinguishable with the common colour-vision
/// deficiencies: blue, vermillion, bluish green, reddish purple, orange, sky blue.
const PALETTE: [&str; 6] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];
/// One dash pattern per series (the first solid), so that series that
/// coincide stay distinguishable without colour.
const DASHES: [&str; 6] = ["", "9 5", "2 4", "12 4 2 4", "1 3", "16 4 4 4"];

/// A radar (spider) chart of one or more profiles' domain medians, and
/// optionally target profiles, on one framework: this round over the last,
/// a region over a good practice's requirements.
///
/// What a reader sees:
///
/// - one ring per level, the **lowest level on a ring away from the centre**
///   (so a round at the lowest level everywhere still encloses an area, and
///   is not mistaken for an unscored one);
/// - each profile's **medians** joined by a line, with its **interquartile
///   band** (q1 to q3, R type 7) shaded behind the line, and a subtitle that
///   says so;
/// - a domain nobody scored (or a target does not require) as a **gap**: no
///   vertex, and no line or fill into that axis, with a note under the
///   domain's name;
/// - **split** domains ringed, when an agreement policy is given
///   ([`RadarChart::with_splits_marked`]);
/// - level numbers on a ruler beside the chart, clear of the data, and a
///   key naming the rings;
/// - series in colour-blind-safe colours (Okabe–Ito), each with its own
///   dash pattern, marker shape and line width, so coinciding series stay
///   distinguishable.
///
/// The SVG is a deterministic string: coordinates are written with two
/// decimal places, text is XML-escaped, and series keep the order they were
/// added in.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Assessment, Framework, RadarChart, Respondent, Response, Score};
/// use integration_outcomes::Date;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(3))?.build();
/// let profile = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
/// let svg = RadarChart::new("Chorley PSR & partners", &profile)?
///     .with_profile("Baseline", &profile)?
///     .to_svg();
/// assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
/// assert!(svg.contains("Chorley PSR &amp; partners"));
/// assert!(svg.contains("median")); // the subtitle says what is plotted
/// assert_eq!(svg, RadarChart::new("Chorley PSR & partners", &profile)?.with_profile("Baseline", &profile)?.to_svg());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RadarChart {
    title: String,
    framework: String,
    scale: Scale,
    axes: Vec<(String, String)>,
    series: Vec<Series>,
    splits: Option<AgreementPolicy>,
}

#[derive(Debug, Clone, PartialEq)]
struct Series {
    label: String,
    values: Vec<Option<Decimal>>,
    /// The ratings behind each value (profiles only), for the band and splits.
    statistics: Vec<Option<ScoreStatistics>>,
}

impl RadarChart {
    /// An empty chart with one axis per domain of `layout`'s framework.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::EmptyText`] for an empty title.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, RadarChart, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(3))?.build();
    /// let profile = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
    ///
    /// let chart = RadarChart::new("Chorley PSR", &profile)?;
    /// assert!(chart.to_svg().contains("<title>Chorley PSR</title>"));
    /// assert!(RadarChart::new(" ", &profile).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(title: impl Into<String>, layout: &Profile) -> Result<RadarChart, ComparisonError> {
        let title = title.into();
        if is_blank(&title) {
            return Err(ComparisonError::EmptyText { item: "chart title".to_owned() });
        }
        Ok(RadarChart {
            title,
            framework: layout.framework().to_owned(),
            scale: layout.scale().clone(),
            axes: layout
                .domains()
                .iter()
                .map(|d| (d.id().to_owned(), d.name().to_owned()))
                .collect(),
            series: Vec::new(),
            splits: None,
        })
    }

    /// Rings each profile's domains that are split under `policy`.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::InvalidAgreementPolicy`] or
    /// [`ComparisonError::PolicyNotForScale`] for a policy that cannot be
    /// used on the chart's scale ([`AgreementPolicy::validate_for`]).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{AgreementPolicy, Assessment, Framework, RadarChart, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(1))?.build();
    /// let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(5))?.build();
    /// let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [a, b])?.profile();
    /// let svg = RadarChart::new("P", &profile)?
    ///     .with_splits_marked(&AgreementPolicy::RandRegion { fewer_than: 1 })?
    ///     .with_profile("Baseline", &profile)?
    ///     .to_svg();
    /// assert!(svg.contains("class=\"split\""));
    /// assert!(RadarChart::new("P", &profile)?.with_splits_marked(&AgreementPolicy::Ipras).is_err()); // 1–9 only
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_splits_marked(
        mut self,
        policy: &AgreementPolicy,
    ) -> Result<RadarChart, ComparisonError> {
        policy.validate_for(&self.scale)?;
        self.splits = Some(*policy);
        Ok(self)
    }

    /// Adds a profile's domain medians as a series, with their
    /// interquartile band.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::DifferentFramework`] or [`ComparisonError::EmptyText`].
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, RadarChart, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(3))?.build();
    /// let profile = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
    ///
    /// let svg = RadarChart::new("Chorley PSR", &profile)?.with_profile("Baseline", &profile)?.to_svg();
    /// assert!(svg.contains(">Baseline</text>")); // the legend
    /// let scirocco = Framework::builtin("scirocco-b3")?;
    /// let other = Assessment::new(&scirocco, "Region", Date::new(2026, 3, 1)?, "2026",
    ///     [Response::builder(&scirocco, Respondent::new("Lead", "Region")?).build()])?.profile();
    /// assert!(RadarChart::new("Chorley PSR", &profile)?.with_profile("Region", &other).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_profile(
        self,
        label: impl Into<String>,
        profile: &Profile,
    ) -> Result<RadarChart, ComparisonError> {
        self.check(profile.framework())?;
        let statistics: Vec<Option<ScoreStatistics>> = self
            .axes
            .iter()
            .map(|(id, _)| profile.domain(id).and_then(|d| d.statistics()).cloned())
            .collect();
        let values = statistics.iter().map(|s| s.as_ref().map(ScoreStatistics::median)).collect();
        self.push(label.into(), values, statistics)
    }

    /// Adds a target's required levels as a series (a domain without a
    /// requirement is a gap).
    ///
    /// # Errors
    ///
    /// [`ComparisonError::DifferentFramework`].
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, RadarChart, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(3))?.build();
    /// let profile = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
    ///
    /// let target = Target::new(&aqua, "Good practice", [("culture", 4)])?;
    /// let svg = RadarChart::new("Chorley PSR", &profile)?
    ///     .with_profile("Baseline", &profile)?
    ///     .with_target(&target)?
    ///     .to_svg();
    /// assert!(svg.contains(">Good practice</text>"));
    /// assert!(svg.contains("stroke-dasharray")); // the second series is dashed
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_target(self, target: &Target) -> Result<RadarChart, ComparisonError> {
        self.check(target.framework())?;
        let values =
            self.axes.iter().map(|(id, _)| target.requirement(id).map(Decimal::from)).collect();
        let statistics = vec![None; self.axes.len()];
        self.push(target.name().to_owned(), values, statistics)
    }

    fn check(&self, framework: &str) -> Result<(), ComparisonError> {
        if framework == self.framework {
            Ok(())
        } else {
            Err(ComparisonError::DifferentFramework {
                expected: self.framework.clone(),
                found: framework.to_owned(),
            })
        }
    }

    fn push(
        mut self,
        label: String,
        values: Vec<Option<Decimal>>,
        statistics: Vec<Option<ScoreStatistics>>,
    ) -> Result<RadarChart, ComparisonError> {
        if is_blank(&label) {
            return Err(ComparisonError::EmptyText { item: "series label".to_owned() });
        }
        self.series.push(Series { label, values, statistics });
        Ok(self)
    }

    /// The chart as an SVG document.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, RadarChart, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(3))?.build();
    /// let profile = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
    ///
    /// let svg = RadarChart::new("Chorley PSR", &profile)?.with_profile("Baseline", &profile)?.to_svg();
    /// assert!(svg.starts_with("<svg"));
    /// assert!(svg.ends_with("</svg>\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_svg(&self) -> String {
        let n = self.axes.len();
        let notes = self.notes();
        let legend_top = CENTRE_Y + RADIUS + 64.0;
        let rows = self.series.len() + notes.len();
        let height = legend_top + 22.0 * (rows as f64) + 16.0;
        let mut svg = String::new();
        // Writing to a String cannot fail.
        let _ = writeln!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"sans-serif\" font-size=\"12\">",
            w = num(WIDTH),
            h = num(height)
        );
        let title = escape(&self.title);
        let _ = writeln!(svg, "<title>{title}</title>");
        let _ = writeln!(svg, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"28\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">{title}</text>",
            num(CENTRE_X)
        );
        for (line, text) in [
            "Lines join each domain's median rating; the shaded band behind a line runs from the first to the third quartile.",
            "A domain without ratings is a gap in its line, not a zero. The innermost ring is the lowest level.",
        ]
        .iter()
        .enumerate()
        {
            let _ = writeln!(
                svg,
                "<text class=\"subtitle\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#444444\">{}</text>",
                num(CENTRE_X),
                num(50.0 + 16.0 * (line as f64)),
                escape(text)
            );
        }
        // Rings, one per level (the lowest away from the centre), and axes.
        let _ = writeln!(svg, "<g fill=\"none\" stroke=\"#cccccc\" stroke-width=\"1\">");
        for level in self.scale.levels() {
            let r = self.radius(Decimal::from(level.level()));
            let points: Vec<String> = (0..n).map(|i| point(i, n, r)).collect();
            let _ = writeln!(svg, "<polygon points=\"{}\"/>", points.join(" "));
        }
        for i in 0..n {
            let (x0, y0) = position(i, n, INNER);
            let (x, y) = position(i, n, RADIUS);
            let _ = writeln!(
                svg,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                num(x0),
                num(y0),
                num(x),
                num(y)
            );
        }
        let _ = writeln!(svg, "</g>");
        // Level numbers on a ruler left of the chart, level with each ring's
        // top, clear of the data.
        let ruler = 40.0;
        let (top, bottom) = (CENTRE_Y - RADIUS, CENTRE_Y - INNER);
        let _ = writeln!(
            svg,
            "<g class=\"levels\" fill=\"#555555\" stroke=\"#999999\" font-size=\"10\"><line x1=\"{r}\" y1=\"{}\" x2=\"{r}\" y2=\"{}\"/><text x=\"{r}\" y=\"{}\" text-anchor=\"middle\" stroke=\"none\">level</text>",
            num(top),
            num(bottom),
            num(top - 12.0),
            r = num(ruler)
        );
        for level in self.scale.levels() {
            let y = CENTRE_Y - self.radius(Decimal::from(level.level()));
            let _ = writeln!(
                svg,
                "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/><text x=\"{}\" y=\"{y}\" dominant-baseline=\"middle\" stroke=\"none\">{}</text>",
                num(ruler - 4.0),
                num(ruler + 4.0),
                num(ruler + 8.0),
                level.level(),
                y = num(y)
            );
        }
        let _ = writeln!(svg, "</g>");
        // Domain names just outside the outer ring, with a note for gaps.
        for (i, (_, name)) in self.axes.iter().enumerate() {
            let (x, y) = position(i, n, RADIUS + 16.0);
            let anchor = if x > CENTRE_X + 1.0 {
                "start"
            } else if x < CENTRE_X - 1.0 {
                "end"
            } else {
                "middle"
            };
            let dy = if y < CENTRE_Y - RADIUS { -8.0 } else { 0.0 };
            let _ = writeln!(
                svg,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" dominant-baseline=\"middle\">{}</text>",
                num(x),
                num(y + dy),
                escape(name)
            );
            let missing: Vec<&str> = self
                .series
                .iter()
                .filter(|s| s.values.get(i).is_some_and(Option::is_none))
                .map(|s| s.label.as_str())
                .collect();
            if !missing.is_empty() {
                let _ = writeln!(
                    svg,
                    "<text class=\"gap-note\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" dominant-baseline=\"middle\" font-size=\"10\" font-style=\"italic\" fill=\"#555555\">no value: {}</text>",
                    num(x),
                    num(y + dy + 14.0),
                    escape(&missing.join(", "))
                );
            }
        }
        // Interquartile bands of every profile first, then fills, lines and
        // markers, so that no band hides a line.
        for (s, series) in self.series.iter().enumerate() {
            let colour = colour(s);
            let mut band = String::new();
            for (i, j) in self.edges(series) {
                if let (Some((a1, a3)), Some((b1, b3))) =
                    (self.quartiles(series, i), self.quartiles(series, j))
                {
                    let _ = write!(
                        band,
                        "M{} L{} L{} L{} Z ",
                        point(i, n, a1),
                        point(i, n, a3),
                        point(j, n, b3),
                        point(j, n, b1)
                    );
                }
            }
            if !band.is_empty() {
                let _ = writeln!(
                    svg,
                    "<path class=\"iqr\" d=\"{}\" fill=\"{colour}\" fill-opacity=\"0.18\" stroke=\"none\"/>",
                    band.trim_end()
                );
            }
            for i in 0..n {
                if let Some((r1, r3)) = self.quartiles(series, i) {
                    let (x1, y1) = position(i, n, r1);
                    let (x3, y3) = position(i, n, r3);
                    let _ = writeln!(
                        svg,
                        "<line class=\"iqr\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{colour}\" stroke-opacity=\"0.35\" stroke-width=\"7\"/>",
                        num(x1),
                        num(y1),
                        num(x3),
                        num(y3)
                    );
                }
            }
        }
        for (s, series) in self.series.iter().enumerate() {
            let colour = colour(s);
            let mut fill = String::new();
            let mut line = String::new();
            for (i, j) in self.edges(series) {
                let (Some(a), Some(b)) =
                    (self.value_radius(series, i), self.value_radius(series, j))
                else {
                    continue;
                };
                let _ = write!(
                    fill,
                    "M{},{} L{} L{} Z ",
                    num(CENTRE_X),
                    num(CENTRE_Y),
                    point(i, n, a),
                    point(j, n, b)
                );
                let _ = write!(line, "M{} L{} ", point(i, n, a), point(j, n, b));
            }
            if !fill.is_empty() {
                let _ = writeln!(
                    svg,
                    "<path class=\"area\" d=\"{}\" fill=\"{colour}\" fill-opacity=\"0.10\" stroke=\"none\"/>",
                    fill.trim_end()
                );
                let _ = writeln!(
                    svg,
                    "<path class=\"median\" d=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\" stroke-linecap=\"round\"{}/>",
                    line.trim_end(),
                    num(stroke_width(s)),
                    dash(s)
                );
            }
        }
        for (s, series) in self.series.iter().enumerate() {
            let colour = colour(s);
            for i in 0..n {
                let Some(r) = self.value_radius(series, i) else {
                    continue;
                };
                let (x, y) = position(i, n, r);
                svg.push_str(&marker(s, x, y, colour));
                if self.is_split(series, i) {
                    let _ = writeln!(
                        svg,
                        "<circle class=\"split\" cx=\"{}\" cy=\"{}\" r=\"9\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>",
                        num(x),
                        num(y)
                    );
                }
            }
        }
        // Legend: a sample of each series' line and marker, then the notes.
        for (s, series) in self.series.iter().enumerate() {
            let y = legend_top + 22.0 * (s as f64);
            let colour = colour(s);
            let _ = writeln!(
                svg,
                "<line x1=\"40\" y1=\"{y}\" x2=\"84\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"{}\"{}/>",
                num(stroke_width(s)),
                dash(s),
                y = num(y - 4.0)
            );
            svg.push_str(&marker(s, 62.0, y - 4.0, colour));
            let _ =
                writeln!(svg, "<text x=\"94\" y=\"{}\">{}</text>", num(y), escape(&series.label));
        }
        for (k, note) in notes.iter().enumerate() {
            let y = legend_top + 22.0 * ((self.series.len() + k) as f64);
            let _ = writeln!(
                svg,
                "<text class=\"note\" x=\"40\" y=\"{}\" fill=\"#444444\">{}</text>",
                num(y),
                escape(note)
            );
        }
        svg.push_str("</svg>\n");
        svg
    }

    /// The key to the rings and, when splits are marked, to the markers.
    fn notes(&self) -> Vec<String> {
        let rings: Vec<String> = self.scale.levels().iter().map(ToString::to_string).collect();
        let mut notes = vec![format!("Rings, from the innermost: {}", rings.join(", "))];
        if let Some(policy) = &self.splits {
            notes.push(format!(
                "A ring around a point: the panel is split (agreement needs {policy})"
            ));
        }
        notes
    }

    /// Pairs of neighbouring axes, the last joined to the first.
    fn edges(&self, series: &Series) -> Vec<(usize, usize)> {
        let n = series.values.len();
        if n < 2 {
            return Vec::new();
        }
        (0..n).map(|i| (i, (i + 1) % n)).collect()
    }

    fn value_radius(&self, series: &Series, i: usize) -> Option<f64> {
        series.values.get(i).copied().flatten().map(|v| self.radius(v))
    }

    fn quartiles(&self, series: &Series, i: usize) -> Option<(f64, f64)> {
        let stats = series.statistics.get(i)?.as_ref()?;
        Some((self.radius(stats.q1()), self.radius(stats.q3())))
    }

    fn is_split(&self, series: &Series, i: usize) -> bool {
        let (Some(policy), Some(Some(stats))) = (&self.splits, series.statistics.get(i)) else {
            return false;
        };
        policy.judge_valid(Some(stats)) == Agreement::Split
    }

    /// Distance from the centre of `value` on the scale: the lowest level
    /// on the ring at [`INNER`], the highest at [`RADIUS`].
    fn radius(&self, value: Decimal) -> f64 {
        let min = f64::from(self.scale.min());
        let width = f64::from(self.scale.max()) - min;
        let v = value.to_f64().unwrap_or(min);
        INNER + (RADIUS - INNER) * (v - min) / width
    }
}

fn colour(series: usize) -> &'static str {
    PALETTE.get(series % PALETTE.len()).copied().unwrap_or("#000000")
}

fn dash(series: usize) -> String {
    match DASHES.get(series % DASHES.len()).copied().unwrap_or("") {
        "" => String::new(),
        pattern => format!(" stroke-dasharray=\"{pattern}\""),
    }
}

/// Earlier series are drawn wider, so that a later series on the same line
/// leaves the earlier one's edges visible.
fn stroke_width(series: usize) -> f64 {
    (4.0 - 1.0 * (series as f64)).max(1.5)
}

/// A marker of the series' own shape: circle, square, diamond, triangle, …
fn marker(series: usize, x: f64, y: f64, colour: &str) -> String {
    let (cx, cy) = (num(x), num(y));
    match series % 4 {
        0 => format!("<circle cx=\"{cx}\" cy=\"{cy}\" r=\"4\" fill=\"{colour}\"/>\n"),
        1 => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\" fill=\"{colour}\"/>\n",
            num(x - 3.5),
            num(y - 3.5)
        ),
        2 => format!(
            "<polygon points=\"{},{} {},{} {},{} {},{}\" fill=\"{colour}\"/>\n",
            cx,
            num(y - 5.0),
            num(x + 5.0),
            cy,
            cx,
            num(y + 5.0),
            num(x - 5.0),
            cy
        ),
        _ => format!(
            "<polygon points=\"{},{} {},{} {},{}\" fill=\"{colour}\"/>\n",
            cx,
            num(y - 5.0),
            num(x + 4.5),
            num(y + 3.5),
            num(x - 4.5),
            num(y + 3.5)
        ),
    }
}

/// The point at `r` on axis `i` of `n`, the first axis pointing up.
fn position(i: usize, n: usize, r: f64) -> (f64, f64) {
    let angle = std::f64::consts::TAU * (i as f64) / (n as f64) - std::f64::consts::FRAC_PI_2;
    (CENTRE_X + r * angle.cos(), CENTRE_Y + r * angle.sin())
}

fn point(i: usize, n: usize, r: f64) -> String {
    let (x, y) = position(i, n, r);
    format!("{},{}", num(x), num(y))
}

/// Two decimal places, and never "-0.00".
fn num(x: f64) -> String {
    let rounded = (x * 100.0).round() / 100.0;
    if rounded.abs() < 0.005 { "0.00".to_owned() } else { format!("{rounded:.2}") }
}

/// Escapes the five XML special characters.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_text_are_normalised() {
        assert_eq!(num(-0.001), "0.00");
        assert_eq!(num(1.005_000_1), "1.01");
        assert_eq!(num(-1.23456), "-1.23");
        assert_eq!(escape("A&B <c> \"d\" 'e'"), "A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos;");
    }
}
