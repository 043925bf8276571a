//! `brief list` as a table.

use unicode_width::UnicodeWidthStr;

use crate::model::{Briefing, Status};

/// One line per briefing (id, date, outlet, counts, title) under a header, columns aligned by display
/// width.
pub fn table(briefings: &[&Briefing]) -> String {
    let id_width = briefings.iter().map(|b| b.id.width()).max().unwrap_or(2).max(2);
    let outlet_width = briefings.iter().map(|b| b.source.outlet.width()).max().unwrap_or(6).clamp(6, 24);
    let mut out = format!(
        "{:id_width$}  {:10}  {:outlet_width$}  {:>3} {:>3} {:>3} {:>3}  TITLE\n",
        "ID", "DATE", "OUTLET", "FIG", "ACT", "CLM", "QST"
    );
    for b in briefings {
        let date = b.source.published.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
        let draft = if b.status == Status::Draft { "[draft] " } else { "" };
        out.push_str(&format!(
            "{}  {date:10}  {}  {:>3} {:>3} {:>3} {:>3}  {draft}{}\n",
            pad(&b.id, id_width),
            pad(&truncate(&b.source.outlet, outlet_width), outlet_width),
            b.figures.len(),
            b.actors.len(),
            b.claims.len(),
            b.questions.len(),
            b.title
        ));
    }
    out
}

/// Pads to a display width (format's `{:w}` counts chars, which misaligns wide characters).
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out + "…"
}
