//! `brief timeline` as text: month by month, each briefing and under it its claims with their stances.

use std::fmt::Write;

use super::item_address;
use crate::folder::timeline::{Row, Timeline};
use crate::model::Briefing;

pub fn text(briefings: &[&Briefing], t: &Timeline) -> String {
    let mut out = String::new();
    for row in t.rows.iter() {
        match row {
            Row::Month(month) => {
                let count = t.months.iter().find(|m| m.month == month);
                let (b, c) = count.map_or((0, 0), |m| (m.briefings, m.claims));
                let name = month.map_or("undated".to_string(), |m| m.to_string());
                let gap = if out.is_empty() { "" } else { "\n" };
                let _ = writeln!(out, "{gap}{name}: {b} briefing(s), {c} claim(s)");
            }
            Row::Briefing(i) => {
                let b = briefings[i];
                let date = b.source.published.map_or("-".to_string(), |d| d.to_string());
                let _ = writeln!(out, "  {date:10}  {} ({}) [{}]", b.title, b.source.outlet, b.id);
            }
            Row::Claim(at) => {
                let b = briefings[at.briefing];
                let c = &b.claims[at.item.index()];
                let _ = writeln!(
                    out,
                    "      {:9}  {}: {} [{}]",
                    c.stance.to_string(),
                    b.actor_name(&c.claimed_by),
                    c.text,
                    item_address(briefings, at)
                );
            }
        }
    }
    if t.rows.is_empty() {
        out.push_str("nothing to show\n");
    }
    out
}
