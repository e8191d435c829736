//! SVG radar charts of profiles and targets, written without dependencies.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::text::is_blank;
use super::{ComparisonError, Profile, Scale, Target};

const WIDTH: f64 = 900.0;
const CENTRE_X: f64 = 450.0;
const CENTRE_Y: f64 = 330.0;
const RADIUS: f64 = 200.0;
const PALETTE: [&str; 6] = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];

/// A radar (spider) chart of one or more profiles' domain medians, and
/// optionally target profiles, on one framework: this round over the last,
/// a region over a good practice's requirements.
///
/// The SVG is a deterministic string: coordinates are written with two
/// decimal places, text is XML-escaped, and series keep the order they were
/// added in. A domain without ratings is drawn at the centre, without a marker.
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
}

#[derive(Debug, Clone, PartialEq)]
struct Series {
    label: String,
    values: Vec<Option<Decimal>>,
    dashed: bool,
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
        })
    }

    /// Adds a profile's domain medians as a series.
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
        let values =
            self.axes.iter().map(|(id, _)| profile.domain(id).and_then(|d| d.median())).collect();
        self.push(label.into(), values, false)
    }

    /// Adds a target's required levels as a dashed series (domains without a
    /// requirement are drawn at the centre).
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
    /// let svg = RadarChart::new("Chorley PSR", &profile)?.with_target(&target)?.to_svg();
    /// assert!(svg.contains(">Good practice</text>"));
    /// assert!(svg.contains("stroke-dasharray")); // targets are dashed
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_target(self, target: &Target) -> Result<RadarChart, ComparisonError> {
        self.check(target.framework())?;
        let values =
            self.axes.iter().map(|(id, _)| target.requirement(id).map(Decimal::from)).collect();
        self.push(target.name().to_owned(), values, true)
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
        dashed: bool,
    ) -> Result<RadarChart, ComparisonError> {
        if is_blank(&label) {
            return Err(ComparisonError::EmptyText { item: "series label".to_owned() });
        }
        self.series.push(Series { label, values, dashed });
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
        let legend_top = CENTRE_Y + RADIUS + 70.0;
        let height = legend_top + 22.0 * (self.series.len() as f64) + 20.0;
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
        // Rings, one per level above the lowest, with the level number.
        let _ = writeln!(svg, "<g fill=\"none\" stroke=\"#cccccc\" stroke-width=\"1\">");
        for level in self.scale.levels().iter().skip(1) {
            let r = self.radius(Decimal::from(level.level()));
            let points: Vec<String> = (0..n).map(|i| point(i, n, r)).collect();
            let _ = writeln!(svg, "<polygon points=\"{}\"/>", points.join(" "));
        }
        for i in 0..n {
            let (x, y) = position(i, n, RADIUS);
            let _ = writeln!(
                svg,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                num(CENTRE_X),
                num(CENTRE_Y),
                num(x),
                num(y)
            );
        }
        let _ = writeln!(svg, "</g>");
        let _ = writeln!(svg, "<g fill=\"#666666\" font-size=\"10\">");
        for level in self.scale.levels() {
            let r = self.radius(Decimal::from(level.level()));
            let _ = writeln!(
                svg,
                "<text x=\"{}\" y=\"{}\">{}</text>",
                num(CENTRE_X + 4.0),
                num(CENTRE_Y - r - 2.0),
                escape(&level.to_string())
            );
        }
        let _ = writeln!(svg, "</g>");
        // Domain names just outside the outer ring.
        for (i, (_, name)) in self.axes.iter().enumerate() {
            let (x, y) = position(i, n, RADIUS + 16.0);
            let anchor = if x > CENTRE_X + 1.0 {
                "start"
            } else if x < CENTRE_X - 1.0 {
                "end"
            } else {
                "middle"
            };
            let _ = writeln!(
                svg,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" dominant-baseline=\"middle\">{}</text>",
                num(x),
                num(y),
                escape(name)
            );
        }
        for (s, series) in self.series.iter().enumerate() {
            let colour = PALETTE.get(s % PALETTE.len()).copied().unwrap_or("#000000");
            let dash = if series.dashed { " stroke-dasharray=\"6 4\"" } else { "" };
            let points: Vec<String> = series
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| point(i, n, v.map_or(0.0, |v| self.radius(v))))
                .collect();
            let _ = writeln!(
                svg,
                "<polygon points=\"{}\" fill=\"{colour}\" fill-opacity=\"0.15\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>",
                points.join(" ")
            );
            for (i, v) in series.values.iter().enumerate() {
                if let Some(v) = v {
                    let (x, y) = position(i, n, self.radius(*v));
                    let _ = writeln!(
                        svg,
                        "<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"{colour}\"/>",
                        num(x),
                        num(y)
                    );
                }
            }
            let y = legend_top + 22.0 * (s as f64);
            let _ = writeln!(
                svg,
                "<rect x=\"40\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{colour}\" fill-opacity=\"0.4\" stroke=\"{colour}\"{dash}/>",
                num(y - 11.0)
            );
            let _ =
                writeln!(svg, "<text x=\"62\" y=\"{}\">{}</text>", num(y), escape(&series.label));
        }
        svg.push_str("</svg>\n");
        svg
    }

    /// Distance from the centre of `value` on the scale.
    fn radius(&self, value: Decimal) -> f64 {
        let min = f64::from(self.scale.min());
        let width = f64::from(self.scale.max()) - min;
        let v = value.to_f64().unwrap_or(min);
        RADIUS * (v - min) / width
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
