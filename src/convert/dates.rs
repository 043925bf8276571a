//! Dates written in a sentence ("June 24", "Dec. 9", "April 25, 2019", "24 June 2024", "2024-06-22",
//! "August 2023", "this year"), so that figures get an `as_of` and their digits are not taken for counts.

use std::ops::Range;

use super::lexicon::Lexicon;
use super::tokens::{Kind, Tokens};
use crate::model::Date;

/// A date as far as the text gives it; the year may come from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Written {
    /// The date, taking a missing year from `published` (the year before when the month is later than the
    /// publication month: "Dec. 9" in a January article).
    pub fn resolve(self, published: Option<Date>) -> Option<Date> {
        let year = match (self.year, published) {
            (Some(y), _) => y,
            (None, Some(p)) => match (self.month, p.month) {
                (Some(m), Some(pm)) if m > pm => p.year - 1,
                _ => p.year,
            },
            (None, None) => return None,
        };
        let date = Date { year, month: self.month, day: self.day.filter(|_| self.month.is_some()) };
        // Reject impossible days ("February 30") by the model's own rule.
        Date::parse(&date.to_string()).ok()
    }
}

fn number(t: &Tokens, i: usize) -> Option<u32> {
    let tok = t.toks.get(i)?;
    (tok.kind == Kind::Number && t.raw(i).bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.raw(i).parse().ok())?
}

fn month(t: &Tokens, i: usize, gaz: &Lexicon) -> Option<u8> {
    let tok = t.toks.get(i)?;
    if tok.kind != Kind::Word || !tok.cap {
        return None;
    }
    gaz.months.get(t.key(i)).copied()
}

pub fn is_year(value: u32) -> bool {
    (1800..=2199).contains(&value)
}

/// Every date in the sentence, with its tokens, in order.
pub fn find(t: &Tokens, gaz: &Lexicon) -> Vec<(Range<usize>, Written)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if let Some((end, date)) = date_at(t, i, gaz) {
            out.push((i..end, date));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

fn date_at(t: &Tokens, i: usize, gaz: &Lexicon) -> Option<(usize, Written)> {
    // "June 24", "Dec. 9", "April 25, 2019", "August 2023"
    if let Some(m) = month(t, i, gaz) {
        let mut j = i + 1;
        if t.is_punct(j, ".") {
            j += 1;
        }
        if let Some(d) = number(t, j).filter(|d| (1..=31).contains(d) && t.raw(j).len() <= 2) {
            let mut date = Written { year: None, month: Some(m), day: Some(d as u8) };
            let mut end = j + 1;
            let k = if t.is_punct(end, ",") { end + 1 } else { end };
            if let Some(y) = number(t, k).filter(|y| is_year(*y)) {
                date.year = Some(y as u16);
                end = k + 1;
            }
            return Some((end, date));
        }
        if let Some(y) = number(t, j).filter(|y| is_year(*y)) {
            return Some((j + 1, Written { year: Some(y as u16), month: Some(m), day: None }));
        }
        return None;
    }
    // "24 June 2024"
    if let Some(d) = number(t, i).filter(|d| (1..=31).contains(d) && t.raw(i).len() <= 2)
        && let Some(m) = month(t, i + 1, gaz)
    {
        let mut date = Written { year: None, month: Some(m), day: Some(d as u8) };
        let mut end = i + 2;
        if let Some(y) = number(t, end).filter(|y| is_year(*y)) {
            date.year = Some(y as u16);
            end += 1;
        }
        return Some((end, date));
    }
    // "2024-06-22"
    if let Some(y) = number(t, i).filter(|y| is_year(*y) && t.raw(i).len() == 4)
        && t.is_punct(i + 1, "-")
        && let Some(m) = number(t, i + 2).filter(|m| (1..=12).contains(m) && t.raw(i + 2).len() == 2)
        && t.is_punct(i + 3, "-")
        && let Some(d) = number(t, i + 4).filter(|d| (1..=31).contains(d) && t.raw(i + 4).len() == 2)
    {
        return Some((i + 5, Written { year: Some(y as u16), month: Some(m as u8), day: Some(d as u8) }));
    }
    None
}

/// A date the sentence gives for what it reports: the first written date, or "this year" / "last year" /
/// "this month" counted from the publication date.
/// `dates` are the sentence's dates from [`find`].
pub fn sentence_date(t: &Tokens, dates: &[(Range<usize>, Written)], published: Option<Date>) -> Option<Date> {
    if let Some(date) = dates.iter().find_map(|(_, w)| w.resolve(published)) {
        return Some(date);
    }
    let published = published?;
    (0..t.len().saturating_sub(1)).find_map(|i| match (t.key(i), t.key(i + 1)) {
        ("this", "year") => Some(Date { year: published.year, month: None, day: None }),
        ("last", "year") => Some(Date { year: published.year - 1, month: None, day: None }),
        ("this", "month") if published.month.is_some() => Some(Date { day: None, ..published }),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::lexicon;

    fn dates(text: &str, published: Option<&str>) -> Vec<String> {
        let t = Tokens::new(text);
        let published = published.map(|p| Date::parse(p).unwrap());
        find(&t, lexicon::get())
            .into_iter()
            .map(|(_, w)| w.resolve(published).map_or("-".into(), |d| d.to_string()))
            .collect()
    }

    #[test]
    fn written_dates_take_the_year_from_the_text_or_the_publication() {
        assert_eq!(
            dates("on April 25, 2019 and on Dec. 9 and 24 June", Some("2024-06")),
            ["2019-04-25", "2023-12-09", "2024-06-24"]
        );
        assert_eq!(dates("in August 2023 and on 2024-02-29", None), ["2023-08", "2024-02-29"]);
        assert_eq!(dates("on June 22", None), ["-"]);
        assert_eq!(dates("on February 30, 2023", None), ["-"], "impossible days are no dates");
        assert!(dates("they may go", None).is_empty(), "the modal verb is not the month");
    }

    #[test]
    fn relative_years_count_from_the_publication() {
        let t = Tokens::new("It tried twice this year.");
        let d = sentence_date(&t, &find(&t, lexicon::get()), Some(Date::parse("2023-11").unwrap()));
        assert_eq!(d.map(|d| d.to_string()).as_deref(), Some("2023"));
    }
}
