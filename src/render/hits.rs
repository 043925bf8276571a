//! `brief search` as text: one line per hit and its snippet.

use crate::model::Briefing;
use crate::search::{Hit, Results, Target};

/// The id of the item a hit is on, `None` for a hit on the briefing's title, summary, tags or source.
pub fn item_id<'b>(b: &'b Briefing, hit: &Hit) -> Option<&'b str> {
    match hit.target {
        Target::Overview => None,
        Target::Item(item) => b.items().find(|(_, i)| *i == item).map(|(id, _)| id),
    }
}

/// Ranked hits, each with its snippet cut to `width` and its matches wrapped in `highlight` (an ANSI
/// sequence) when given; then how many more there were. `briefing` gives the briefing of a hit.
pub fn results_text<'b>(
    results: &Results,
    briefing: impl Fn(usize) -> &'b Briefing,
    width: usize,
    highlight: Option<&str>,
) -> String {
    let mut out = String::new();
    for (rank, hit) in results.hits.iter().enumerate() {
        let b = briefing(hit.briefing);
        let address = match item_id(b, hit) {
            Some(item) => format!("{}#{item}", b.id),
            None => b.id.clone(),
        };
        out.push_str(&format!("{:>3}. {address}  {}  {:.2}\n", rank + 1, hit.section(), hit.score));
        if let Some((snippet, ranges)) = hit.snippet(b, width.saturating_sub(5)) {
            out.push_str("     ");
            out.push_str(&mark(&snippet, &ranges, highlight));
            out.push('\n');
        }
    }
    if results.total > results.hits.len() {
        out.push_str(&format!("{} of {} hits (--limit to see more)\n", results.hits.len(), results.total));
    }
    out
}

/// The text with its ranges wrapped in an ANSI highlight, or as it is when there is no highlight.
fn mark(text: &str, ranges: &[std::ops::Range<usize>], highlight: Option<&str>) -> String {
    let Some(on) = highlight else { return text.to_string() };
    let mut out = String::new();
    let mut at = 0;
    for r in ranges {
        out.push_str(&text[at..r.start]);
        out.push_str(on);
        out.push_str(&text[r.clone()]);
        out.push_str("\x1b[0m");
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}
