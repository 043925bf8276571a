//! `brief actors` as text: each actor once, with its other names, roles, briefings and claims.

use std::fmt::Write;

use crate::folder::actors::ActorEntry;
use crate::model::{Briefing, Date};

/// Each actor: name, kind and where it appears, then its other names, roles over time, claims by
/// stance and how many claims of others name it, and its briefings per month.
pub fn text(briefings: &[&Briefing], entries: &[ActorEntry]) -> String {
    let mut out = String::new();
    for a in entries {
        let dates: Vec<Date> = a.briefings.iter().filter_map(|&b| briefings[b].source.published).collect();
        let seen = span(dates.iter().min().copied(), dates.iter().max().copied());
        let _ = writeln!(out, "{} ({}), in {} briefing(s){seen}", a.name, a.kind, a.briefings.len());
        if !a.aliases.is_empty() {
            let _ = writeln!(out, "  also: {}", a.aliases.join(", "));
        }
        for r in &a.roles {
            let _ = writeln!(out, "  role: {}{}", r.role, span(r.first, r.last));
        }
        let stances: Vec<String> = a.stances.taken().iter().map(|(s, n)| format!("{s} {n}")).collect();
        let makes = match a.claims.len() {
            0 => "no claim".to_string(),
            n => format!("{n} claim(s): {}", stances.join(", ")),
        };
        let _ = writeln!(out, "  makes {makes}; named in {} claim(s) of others", a.about.len());
        if !a.months.is_empty() {
            let months: Vec<String> = a.months.iter().map(|(m, n)| format!("{m} {n}")).collect();
            let undated = if a.undated > 0 { format!(", undated {}", a.undated) } else { String::new() };
            let _ = writeln!(out, "  by month: {}{undated}", months.join(", "));
        }
    }
    let _ = writeln!(out, "{}{} actor(s)", if entries.is_empty() { "" } else { "\n" }, entries.len());
    out
}

/// " (2023-08)", " (2023-08 – 2024-06)", or nothing without dates.
fn span(first: Option<Date>, last: Option<Date>) -> String {
    match (first, last) {
        (Some(f), Some(l)) if f == l => format!(" ({f})"),
        (Some(f), Some(l)) => format!(" ({f} – {l})"),
        _ => String::new(),
    }
}
