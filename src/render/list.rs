//! `brief list` as a table.

use unicode_width::UnicodeWidthStr;

use crate::catalog::Row;
use crate::model::Status;

/// One line per briefing (id, date, outlet, counts, title) under a header, columns aligned by display
/// width.
pub fn table(rows: &[Row]) -> String {
    let id_width = rows.iter().map(|r| r.id.width()).max().unwrap_or(2).max(2);
    let outlet_width = rows.iter().map(|r| r.outlet.width()).max().unwrap_or(6).clamp(6, 24);
    let mut out = format!(
        "{:id_width$}  {:10}  {:outlet_width$}  {:>3} {:>3} {:>3} {:>3}  TITLE\n",
        "ID", "DATE", "OUTLET", "FIG", "ACT", "CLM", "QST"
    );
    for r in rows {
        let date = r.published.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
        let draft = if r.status == Status::Draft { "[draft] " } else { "" };
        out.push_str(&format!(
            "{}  {date:10}  {}  {:>3} {:>3} {:>3} {:>3}  {draft}{}\n",
            pad(&r.id, id_width),
            pad(&truncate(&r.outlet, outlet_width), outlet_width),
            r.figures,
            r.actors,
            r.claims,
            r.questions,
            r.title
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
