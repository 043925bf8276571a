//! `brief questions` as text: each question, its status, and what addresses it and why.

use std::fmt::Write;

use super::item_address;
use crate::folder::questions::QuestionEntry;
use crate::model::Briefing;

/// Each question (date, status, address, text) and, for an addressed one, what addresses it and why,
/// then how many are open.
pub fn text(briefings: &[&Briefing], entries: &[QuestionEntry]) -> String {
    let mut out = String::new();
    for q in entries {
        let b = briefings[q.at.briefing];
        let date = q.date.map_or("-".to_string(), |d| d.to_string());
        let status = match (&q.addressed, q.complete) {
            (Some(_), _) => "addressed",
            (None, true) => "open",
            (None, false) => "open?",
        };
        let _ = writeln!(out, "{date:10}  {status:9}  {}", item_address(briefings, q.at));
        let _ = writeln!(out, "  {}", b.questions[q.at.item.index()].text);
        match &q.addressed {
            Some(a) => {
                let when = a.date.map_or(String::new(), |d| format!(" ({d})"));
                let other = briefings[a.by.briefing];
                let _ = writeln!(
                    out,
                    "  by {}{when}: {}",
                    item_address(briefings, a.by),
                    other.item_label(a.by.item)
                );
                let _ = writeln!(out, "  why: {}", a.reason);
            }
            None if !q.complete => {
                let _ = writeln!(
                    out,
                    "  not compared with every later claim (the folder is too large): may be addressed"
                );
            }
            None => {}
        }
    }
    let open = entries.iter().filter(|q| q.addressed.is_none()).count();
    let _ = writeln!(
        out,
        "{}{} question(s), {open} open",
        if entries.is_empty() { "" } else { "\n" },
        entries.len()
    );
    out
}
