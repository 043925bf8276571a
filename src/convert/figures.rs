//! Quantities in a sentence, in digits or words ("more than a million artillery shells", "about 1.6
//! million", "two months’ worth of supply", "$61 billion", "30%", "three entities", "twice"), with the value
//! normalised, the qualifier, and the counted noun phrase. Dates, years, times, identifiers ("Resolution
//! 2231", "F-16"), ordinals and references to things already counted ("the two countries") are not figures.

use std::ops::Range;

use super::lexicon::{Lexicon, Tags};
use super::tokens::{Kind, Tokens};
use super::{dates, plain};
use crate::model::Qualifier;

#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub value: f64,
    pub qualifier: Qualifier,
    /// The number as written, with its qualifier ("more than a million").
    pub text: String,
    /// What is counted ("artillery shells", "percent", "US dollars").
    pub unit: String,
    /// What a percentage or an amount of money is of ("its exports", "military aid").
    pub subject: Option<String>,
    pub tokens: Range<usize>,
}

impl Found {
    /// A percentage, an amount of money, a ratio or a magnitude: its unit alone does not say what it measures.
    pub fn is_measure(&self, gaz: &Lexicon) -> bool {
        matches!(self.unit.as_str(), "percent" | "times" | "magnitude")
            || gaz.currencies.values().any(|c| *c == self.unit)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Plain,
    Percent,
    Currency(String),
    Times,
    /// "hundreds of": a lower bound.
    Plural,
}

struct Number {
    /// First token (a currency sign included) and the index after the last.
    tokens: Range<usize>,
    value: f64,
    shape: Shape,
    /// Built only from digits, with no scale, sign or percent: a candidate year or identifier.
    bare_digits: bool,
    /// A spelled-out number without a scale ("two", "three").
    small_word: bool,
}

/// Time words that, after "past", "next" and the like, make a span of time rather than a key figure.
const SPAN_OPENERS: &[&str] =
    &["past", "last", "next", "coming", "previous", "first", "final", "few", "recent"];

/// The figures of a sentence; `dates` are its dates from `dates::find`.
pub fn find(t: &Tokens, dates: &[(Range<usize>, dates::Written)], gaz: &Lexicon) -> Vec<Found> {
    let mut excluded = vec![false; t.len()];
    for (range, _) in dates {
        excluded[range.clone()].iter_mut().for_each(|e| *e = true);
    }
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if excluded[i] {
            i += 1;
            continue;
        }
        let Some(number) = number_at(t, i, gaz) else {
            i += 1;
            continue;
        };
        i = number.tokens.end;
        if let Some(found) = figure(t, &number, out.last(), gaz)
            && !out.iter().any(|f| f.value == found.value && f.unit == found.unit)
        {
            out.push(found);
        }
    }
    out
}

/// The figure a number makes, if it is one. `previous` is the sentence's figure before it, whose unit a
/// number with none of its own shares when the two are coordinated ("killing 4 people and injuring 30").
fn figure(t: &Tokens, n: &Number, previous: Option<&Found>, gaz: &Lexicon) -> Option<Found> {
    let (start, end) = (n.tokens.start, n.tokens.end);
    let before = start.checked_sub(1).map(|b| t.key(b)).unwrap_or("");
    if n.bare_digits
        && !t.raw(start).contains(',')
        && dates::is_year(n.value as u32)
        && n.value.fract() == 0.0
    {
        return None;
    }
    // Times of day ("12:33", either number), ranges of digits, identifiers glued to letters ("F-16").
    let after_colon =
        start >= 2 && t.is_punct(start - 1, ":") && t.raw(start - 2).bytes().all(|b| b.is_ascii_digit());
    let glued = |a: usize, b: usize| t.toks[a].range.end == t.toks[b].range.start;
    // "the QRV -22 rules": spaced before the hyphen, after an initialism, it is still a name's number.
    let identifier = start >= 2
        && t.is_punct(start - 1, "-")
        && (glued(start - 2, start - 1) || (glued(start - 1, start) && t.toks[start - 2].upper))
        && t.toks[start - 2].kind == Kind::Word;
    if t.is_punct(end, ":") || after_colon || identifier {
        return None;
    }
    // "462-124", "2-1": a tally or score, each side a figure.
    let tally_left = t.is_punct(end, "-")
        && glued(end - 1, end)
        && t.toks
            .get(end + 1)
            .is_some_and(|n| n.kind == Kind::Number && n.range.start == t.toks[end].range.end);
    let tally_right = start >= 2
        && t.is_punct(start - 1, "-")
        && glued(start - 2, start - 1)
        && glued(start - 1, start)
        && t.toks[start - 2].kind == Kind::Number;
    if (tally_left || tally_right) && n.shape == Shape::Plain {
        let after = if tally_left { end + 2 } else { end };
        let unit = noun_phrase(t, after, gaz).map_or_else(|| "score".to_string(), |(u, _)| u);
        return Some(Found {
            value: n.value,
            qualifier: Qualifier::Exact,
            text: plain(t.span(start..end)),
            unit,
            subject: None,
            tokens: start..end,
        });
    }
    // "Dan Morrow, 24, of Dunmore": an age in apposition to a name.
    let age = n.bare_digits
        && start >= 2
        && before == ","
        && t.is_capitalised(start - 2)
        && !gaz.is_stop(t.key(start - 2))
        && t.is_punct(end, ",")
        && n.value.fract() == 0.0
        && (1.0..=120.0).contains(&n.value);
    if age {
        let mut name = start - 2;
        while name > 0 && t.is_capitalised(name - 1) && t.toks[name - 1].kind == Kind::Word {
            name -= 1;
        }
        return Some(Found {
            value: n.value,
            qualifier: Qualifier::Exact,
            text: plain(t.span(start..end)),
            unit: "years old".into(),
            subject: Some(format!("age of {}", plain(t.span(name..start - 1)))),
            tokens: start..end,
        });
    }
    if n.bare_digits && start > 0 && t.is_capitalised(start - 1) && !gaz.is_stop(before) {
        return None;
    }
    // "No. 1 producer", "Vol. 3": an abbreviated word of that list, with its period.
    let abbreviated = start >= 2
        && t.is_punct(start - 1, ".")
        && t.toks[start - 2].range.end == t.toks[start - 1].range.start
        && gaz.not_figures_before.contains(t.key(start - 2));
    if abbreviated {
        return None;
    }
    if gaz.not_figures_before.contains(before) {
        let counted_reference = matches!(before, "the" | "its" | "their" | "these" | "those");
        if !counted_reference || (n.shape == Shape::Plain && n.value < 100.0) {
            return None;
        }
    }
    if n.small_word && n.value == 1.0 {
        return None;
    }
    // "more than 1,000 tanks, 624 of which were destroyed": the count of a part of the previous figure.
    if t.key(end) == "of" && matches!(t.key(end + 1), "which" | "whom" | "them") && n.shape == Shape::Plain {
        let p = previous?;
        return Some(Found {
            value: n.value,
            qualifier: Qualifier::Exact,
            text: plain(t.span(start..end)),
            unit: p.unit.clone(),
            subject: None,
            tokens: start..end,
        });
    }
    if matches!(t.key(end), "of" if n.small_word) && n.shape == Shape::Plain {
        // "two of the ships": a part of something counted elsewhere.
        return None;
    }
    // A hyphen compound: "a 4-cent increase", "the 6.3-magnitude quake", "a 650-member parliament",
    // "25-per cent tariffs"; "6- or 7-cent" takes the unit of the compound after it. Not "two-way",
    // "one-off", "three-year-old" (an age).
    if t.is_punct(end, "-") && glued(end - 1, end) {
        return compound(t, n, end, gaz);
    }

    let (qualifier, qualifier_start) = qualifier_before(t, start, gaz)
        .unwrap_or((if n.shape == Shape::Plural { Qualifier::MoreThan } else { Qualifier::Exact }, start));
    // "a magnitude 7.1 earthquake": the scale is named before the number.
    if before == "magnitude" {
        return Some(Found {
            value: n.value,
            qualifier: Qualifier::Exact,
            text: plain(t.span(start - 1..end)),
            unit: "magnitude".into(),
            subject: noun_phrase(t, end, gaz).map(|(p, _)| p),
            tokens: start - 1..end,
        });
    }
    let (unit, subject) = match &n.shape {
        Shape::Percent => ("percent".to_string(), of_phrase(t, end, gaz).map(|(p, _)| p)),
        Shape::Currency(unit) => (unit.clone(), money_subject(t, end, gaz)),
        Shape::Times => ("times".to_string(), None),
        // "hundreds of homes"; "dozens injured": what became of them.
        Shape::Plural => match of_phrase(t, end, gaz) {
            Some((unit, _)) => (unit, None),
            None => (fate(t.key(end)).then(|| t.key(end).to_string())?, None),
        },
        Shape::Plain => {
            // "ranging in magnitude from 3.1 to 4.6": the scale named just before.
            if (start.saturating_sub(5)..start).any(|k| t.key(k) == "magnitude")
                && (noun_phrase(t, end, gaz).is_none() || is_participle(t.key(end)))
            {
                return Some(Found {
                    value: n.value,
                    qualifier,
                    text: plain(t.span(qualifier_start..end)),
                    unit: "magnitude".into(),
                    subject: None,
                    tokens: qualifier_start..end,
                });
            }
            // Coordinated with an earlier figure ("at least 12 people dead and 30 injured", "... and
            // injuring more than 300"), or the other end of a range or comparison with it ("from 3.1 to
            // 4.6", "to 2.3 million bpd from a forecast of 2.2 million").
            // "almost 50,000 above expectations", "two each": a difference from it or a share of it.
            let relative = matches!(
                t.key(end),
                "above" | "below" | "more" | "fewer" | "less" | "higher" | "lower" | "short" | "each"
            );
            // "Ulm reported six cases, Hale reported four, ...": a number the clause ends on, after
            // the word the one before it came after, counts what that one counted.
            let elided = |p: &Found| {
                t.toks.get(end).is_none_or(|next| next.kind == Kind::Punct)
                    && !t.is_punct(end, "%")
                    && !t.is_punct(end, "-")
                    && p.tokens.start > 0
                    && qualifier_start > 0
                    && t.key(p.tokens.start - 1) == t.key(qualifier_start - 1)
            };
            let shared = previous.filter(|p| {
                relative
                    || elided(p)
                    || (p.tokens.end..qualifier_start).any(|k| {
                        matches!(t.key(k), "and" | "or" | "to" | "from" | "than" | "versus" | "against")
                    })
            });
            // "154 confirmed dead", "4,300 reported homeless": what became of them is the unit.
            let own = noun_phrase(t, end, gaz).or_else(|| {
                (is_participle(t.key(end)) && fate(t.key(end + 1)))
                    .then(|| (plain(t.span(end..end + 2)), end + 2))
                    .or_else(|| fate(t.key(end)).then(|| (t.key(end).to_string(), end + 1)))
            });
            let (unit, unit_end) = match (own, shared) {
                (Some((unit, unit_end)), Some(p)) if is_participle(t.key(end)) => {
                    (format!("{} {unit}", p.unit), unit_end)
                }
                (Some(own), _) => own,
                (None, Some(p)) => (p.unit.clone(), end),
                // "a jobs growth of around 380,000", "a total of 59 million": what the number is of.
                (None, None) => {
                    (of_before(t, qualifier_start, gaz).or_else(|| number_of(t, qualifier_start, gaz))?, end)
                }
            };
            if gaz.measure_words.contains(t.key(end))
                && before != "for"
                && ((n.value < 10.0 && SPAN_OPENERS.contains(&before))
                    || matches!(t.key(unit_end), "ago" | "old" | "later" | "earlier"))
            {
                // "in the past two years", "three years ago", "a 58 years old man": when, not how many.
                return None;
            }
            let subject = counted_subject(t, end, unit_end, gaz);
            // "two months’ worth of supply" counts months of supply.
            let mut j = unit_end;
            if t.is_punct(j, "'") {
                j += 1;
            }
            match (t.key(j), t.key(j + 1), noun_phrase(t, j + 2, gaz)) {
                ("worth", "of", Some((of, _))) => (format!("{unit} of {of}"), None),
                _ => (unit, subject),
            }
        }
    };
    let qualifier = match (t.key(end), t.key(end + 1)) {
        ("or", "more") if qualifier == Qualifier::Exact => Qualifier::AtLeast,
        ("or", "so") if qualifier == Qualifier::Exact => Qualifier::About,
        _ => qualifier,
    };
    Some(Found {
        value: n.value,
        qualifier,
        text: plain(t.span(qualifier_start..end)),
        unit,
        subject,
        tokens: qualifier_start..end,
    })
}

/// The figure of a number in a hyphen compound, the hyphen at `hyphen`.
fn compound(t: &Tokens, n: &Number, hyphen: usize, gaz: &Lexicon) -> Option<Found> {
    const ADJECTIVES: &[&str] = &[
        "way",
        "off",
        "on",
        "time",
        "sided",
        "dimensional",
        "party",
        "state",
        "star",
        "all",
        "fold",
        "thirds",
        "quarters",
        "half",
    ];
    let glued = |a: usize, b: usize| t.toks[a].range.end == t.toks[b].range.start;
    let start = n.tokens.start;
    let mut word_at = hyphen + 1;
    // "6- or 7-cent": the word of the next compound.
    if t.toks.get(word_at).is_none_or(|_| !glued(hyphen, word_at)) {
        if !matches!(t.key(word_at), "or" | "to" | "and")
            || t.toks.get(word_at + 1).is_none_or(|next| next.kind != Kind::Number)
            || !(t.is_punct(word_at + 2, "-") && glued(word_at + 1, word_at + 2))
        {
            return None;
        }
        word_at += 3;
    }
    let word = t.toks.get(word_at).filter(|w| w.kind == Kind::Word)?;
    let key = t.key(word_at);
    let age = t.is_punct(word_at + 1, "-") && t.key(word_at + 2) == "old";
    if ADJECTIVES.contains(&key) || age || word.cap || gaz.months.contains_key(key) || n.shape != Shape::Plain
    {
        return None;
    }
    let (unit, value, after) = if key == "per" && t.key(word_at + 1) == "cent" {
        ("percent".to_string(), n.value / 100.0, word_at + 2)
    } else if key == "percent" {
        ("percent".to_string(), n.value / 100.0, word_at + 1)
    } else if key == "magnitude" {
        ("magnitude".to_string(), n.value, word_at + 1)
    } else {
        let plural = if n.value != 1.0 && !key.ends_with('s') { "s" } else { "" };
        (format!("{key}{plural}"), n.value, word_at + 1)
    };
    let qualifier = qualifier_before(t, start, gaz).map_or(Qualifier::Exact, |(q, _)| q);
    Some(Found {
        value,
        qualifier,
        text: plain(t.span(start..word_at + 1)),
        unit,
        subject: noun_phrase(t, after, gaz).map(|(p, _)| p),
        tokens: start..after,
    })
}

fn qualifier_before(t: &Tokens, start: usize, gaz: &Lexicon) -> Option<(Qualifier, usize)> {
    (start.saturating_sub(4)..start).find_map(|k| match gaz.qualifiers.longest_at(t, k) {
        Some((end, q)) if end == start => Some((*q, k)),
        _ => None,
    })
}

/// The number starting at token `i`, if one does.
fn number_at(t: &Tokens, i: usize, gaz: &Lexicon) -> Option<Number> {
    let tok = t.toks.get(i)?;
    // A currency sign before the number: "$61 billion", "US$ 5", "€2m".
    let (currency, first) = match tok.kind {
        Kind::Punct => (Some(currency_unit(gaz, t.key(i))?), i + 1),
        Kind::Word if tok.upper && t.is_punct(i + 1, "$") => (Some(currency_unit(gaz, "us$")?), i + 2),
        _ => (None, i),
    };
    let ftok = t.toks.get(first)?;
    let mut bare_digits = false;
    let mut small_word = false;
    let (mut value, mut end) = if ftok.kind == Kind::Number {
        let (v, suffix_scale) = digits(t.raw(first), gaz)?;
        bare_digits = suffix_scale.is_none();
        (v * suffix_scale.unwrap_or(1.0), first + 1)
    } else if currency.is_none()
        && let Some((end, v)) = gaz.plurals.longest_at(t, first)
    {
        if t.key(end) != "of" && !fate(t.key(end)) {
            return None;
        }
        return Some(Number {
            tokens: i..end,
            value: *v,
            shape: Shape::Plural,
            bare_digits: false,
            small_word: false,
        });
    } else if currency.is_none()
        && let Some(v) = gaz.times.get(t.key(first))
    {
        if *v < 2.0 {
            return None;
        }
        return Some(Number {
            tokens: i..first + 1,
            value: *v,
            shape: Shape::Times,
            bare_digits: false,
            small_word: false,
        });
    } else if currency.is_none()
        && let Some((end, v)) = gaz.fractions.longest_at(t, first)
        // "half a million" is a number, not a share.
        && gaz.number_words.longest_at(t, first).is_none()
    {
        // "more than half of the votes", "a third of its customers": a share, as a fraction. "The first
        // half of the year", "the latter half of": a period.
        let period = first > 0
            && matches!(
                t.key(first - 1),
                "first" | "second" | "last" | "final" | "latter" | "former" | "other" | "back" | "front"
            );
        if t.key(end) != "of" || period {
            return None;
        }
        return Some(Number {
            tokens: i..end,
            value: *v,
            shape: Shape::Percent,
            bare_digits: false,
            small_word: false,
        });
    } else {
        let (end, v) = gaz.number_words.longest_at(t, first)?;
        let mut value = *v;
        let mut end = end;
        // "twenty-five"
        if (20.0..100.0).contains(&value)
            && t.is_punct(end, "-")
            && let Some((e, ones)) = gaz.number_words.longest_at(t, end + 1)
            && *ones < 10.0
        {
            value += *ones;
            end = e;
        }
        small_word = value < 100.0;
        (value, end)
    };
    // Scale words: "1.6 million", "two hundred thousand"; a compound amount adds what follows its scale
    // ("59 million 367,469").
    while let Some(scale) = gaz.scales.get(t.key(end)).filter(|_| t.key(end).len() > 2) {
        value *= scale;
        small_word = false;
        bare_digits = false;
        end += 1;
        if t.toks.get(end).is_some_and(|next| next.kind == Kind::Number)
            && t.raw(end).contains(',')
            && let Some((rest, None)) = digits(t.raw(end), gaz)
            && rest < *scale
        {
            value += rest;
            end += 1;
        }
    }
    // A minus glued to the number after a space: "as low as -0.5%".
    let negative = ftok.kind == Kind::Number
        && first > 0
        && t.is_punct(first - 1, "-")
        && t.toks[first - 1].range.end == ftok.range.start
        && (first < 2 || t.toks[first - 2].range.end < t.toks[first - 1].range.start);
    if negative {
        value = -value;
    }
    // "86 cents": a subunit of a currency.
    if currency.is_none()
        && let Some((unit, factor)) = gaz.subunits.get(t.key(end))
    {
        return Some(Number {
            tokens: i..end + 1,
            value: round(value * factor),
            shape: Shape::Currency(unit.clone()),
            bare_digits: false,
            small_word: false,
        });
    }
    let has_currency = currency.is_some();
    let mut shape = match currency {
        Some(unit) => Shape::Currency(unit),
        None => Shape::Plain,
    };
    if t.is_punct(end, "%") {
        shape = Shape::Percent;
        end += 1;
    } else if t.key(end) == "percent" || (t.key(end) == "per" && t.key(end + 1) == "cent") {
        shape = Shape::Percent;
        end += if t.key(end) == "per" { 2 } else { 1 };
    } else if !has_currency && let Some(unit) = currency_unit(gaz, t.key(end)) {
        shape = Shape::Currency(unit);
        end += 1;
    }
    if shape == Shape::Percent {
        value /= 100.0;
        bare_digits = false;
    }
    if matches!(shape, Shape::Currency(_)) {
        bare_digits = false;
        small_word = false;
    }
    Some(Number { tokens: i..end, value: round(value), shape, bare_digits, small_word })
}

/// The figure unit of a currency sign or word ("$" → "US dollars"), if it is one.
fn currency_unit(gaz: &Lexicon, key: &str) -> Option<String> {
    gaz.currencies.get(key).cloned()
}

/// The value of a digit word ("1,000,000", "1.6", "5bn") and the scale of its letter suffix, if any.
fn digits(raw: &str, gaz: &Lexicon) -> Option<(f64, Option<f64>)> {
    let split = raw.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(raw.len());
    let (number, suffix) = raw.split_at(split);
    let plain: String = number.chars().filter(|&c| c != ',').collect();
    let value: f64 = plain.parse().ok()?;
    if suffix.is_empty() {
        return Some((value, None));
    }
    let scale = gaz.scales.get(&suffix.to_lowercase())?;
    Some((value, Some(*scale)))
}

/// The value without the noise of binary fractions ("8.2 billion" is 8,200,000,000, not 8,199,999,999.999999).
fn round(value: f64) -> f64 {
    if value.abs() >= 1e6 {
        value.round()
    } else if value.abs() >= 1.0 {
        (value * 1e6).round() / 1e6
    } else {
        (value * 1e9).round() / 1e9
    }
}

/// A word that says what happened to the counted ("injured", "dead", "missing") rather than what they are.
fn is_participle(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ed")) || matches!(word, "dead" | "missing" | "hurt" | "homeless")
}

/// What a count is of, when the text says more than the unit: the unit with the phrase that qualifies it
/// ("artillery shells to Moscow", "entities tied to a network", "residents evacuated from six villages"),
/// up to a clause boundary and at most ten words. None when nothing qualifies the unit.
fn counted_subject(t: &Tokens, unit_start: usize, unit_end: usize, gaz: &Lexicon) -> Option<String> {
    const OPENERS: &[&str] =
        &["of", "from", "to", "in", "for", "on", "at", "against", "with", "by", "across"];
    const BOUNDARIES: &[&str] =
        &["and", "but", "or", "while", "which", "who", "that", "since", "as", "because", "after", "before"];
    let mut k = unit_end;
    // "residents were evacuated from": the passive's participle qualifies the unit.
    let auxiliary = matches!(t.key(k), "were" | "was" | "are" | "is")
        || (matches!(t.key(k), "have" | "has" | "had") && t.key(k + 1) == "been");
    let skip = if !auxiliary {
        0
    } else if t.key(k + 1) == "been" {
        2
    } else {
        1
    };
    let modifier_at = k + skip;
    let opens = OPENERS.contains(&t.key(modifier_at))
        || (t.is_word(modifier_at) && is_participle(t.key(modifier_at)) && !gaz.cues.at(t, modifier_at));
    if !opens || (skip > 0 && !is_participle(t.key(modifier_at))) {
        return None;
    }
    k = modifier_at;
    let mut end = k;
    while end < t.len() && end - k < 10 {
        let key = t.key(end);
        if !t.is_word(end) && key != "-" && key != "'" || BOUNDARIES.contains(&key) || gaz.cues.at(t, end) {
            break;
        }
        // A date or time ends it: "since the beginning of August" is when, not what.
        if gaz.months.contains_key(key) || gaz.weekdays.contains(key) {
            break;
        }
        end += 1;
    }
    while end > k && !t.is_word(end - 1) {
        end -= 1;
    }
    if end == k || (end - k == 1 && OPENERS.contains(&t.key(k))) {
        return None;
    }
    let unit = plain(t.span(unit_start..unit_end));
    Some(format!("{unit} {}", plain(t.span(k..end))))
}

/// The noun phrase counted after a number: up to four words, stopping at punctuation, function words,
/// verbs and participles ("artillery shells", "entities" in "three entities tied to").
fn noun_phrase(t: &Tokens, start: usize, gaz: &Lexicon) -> Option<(String, usize)> {
    // "around 50 such missiles": the counted noun after "such".
    let start = if t.key(start) == "such" { start + 1 } else { start };
    let mut end = start;
    while end < t.len() && end - start < 7 {
        let tok = &t.toks[end];
        let key = t.key(end);
        let joins = tok.kind == Kind::Punct
            && key == "-"
            && end > start
            && t.toks[end - 1].range.end == tok.range.start
            && t.toks.get(end + 1).is_some_and(|n| n.range.start == tok.range.end && n.kind == Kind::Word);
        if joins {
            end += 1;
            continue;
        }
        // Measures of time are stop words elsewhere but count here ("up to 10 years in prison").
        let is_noun_like = tok.kind == Kind::Word
            && (!gaz.is_stop(key) || (end == start && gaz.measure_words.contains(key)))
            // Right after the number a cue word is the counted noun ("seven states", "two reports").
            && (end == start || !gaz.cues.at(t, end))
            && !gaz.months.contains_key(key)
            && !gaz.weekdays.contains(key)
            // A participle ends the phrase ("shells fired"), unless it is part of a compound ("water-dropping").
            && !(end > start
                && !t.is_punct(end - 1, "-")
                && (key.ends_with("ed") || key.ends_with("ing"))
                && key.len() > 3);
        if !is_noun_like {
            break;
        }
        end += 1;
        // A plural ends the counted noun ("artillery shells", "children" in "two children alive").
        if tok.possessive || end - start >= 4 || is_plural(key) {
            break;
        }
    }
    // Hyphens count as part of words, not of the phrase's length; do not end on one.
    while end > start && t.toks[end - 1].kind == Kind::Punct {
        end -= 1;
    }
    // "75 financial and strategic buyers": adjectives joined by "and" count the noun after them.
    if end > start && t.key(end) == "and" && !is_plural(t.key(end - 1)) && !t.toks[end - 1].possessive {
        let after = (end + 1..t.len().min(end + 4))
            .take_while(|&k| t.toks[k].kind == Kind::Word && !gaz.is_stop(t.key(k)) && !t.toks[k].cap);
        if let Some(noun) = after.clone().find(|&k| is_plural(t.key(k))) {
            end = noun + 1;
        }
    }
    (end > start).then(|| (plain(t.span(start..end)), end))
}

/// Plural nouns, regular ("shells", "entities") and a few common irregular ones.
fn is_plural(word: &str) -> bool {
    const IRREGULAR: &[&str] =
        &["people", "children", "men", "women", "police", "staff", "personnel", "cattle", "data", "troops"];
    IRREGULAR.contains(&word)
        || (word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("us")
            && !word.ends_with("is"))
}

/// The noun before "of" ahead of a number with no noun of its own: "a jobs growth of 380,000" → "jobs
/// growth", "the March level of 431,000" → "March level".
fn of_before(t: &Tokens, start: usize, gaz: &Lexicon) -> Option<String> {
    // "a jobs growth of just around 380,000": an adverb may stand between.
    let mut at = start;
    while at > 0 && start - at < 2 && matches!(t.key(at - 1), "just" | "only" | "still" | "even" | "already")
    {
        at -= 1;
    }
    let of = at.checked_sub(1).filter(|&k| t.key(k) == "of")?;
    let mut head_start = of;
    while head_start > 0 && of - head_start < 3 {
        let k = head_start - 1;
        let tok = &t.toks[k];
        if tok.kind != Kind::Word || gaz.is_stop(t.key(k)) || gaz.cues.at(t, k) {
            break;
        }
        head_start = k;
    }
    (head_start < of).then(|| plain(t.span(head_start..of)))
}

/// What became of people counted ("154 confirmed dead", "dozens injured"): the unit of a number with no noun.
fn fate(word: &str) -> bool {
    matches!(word, "dead" | "missing" | "injured" | "homeless" | "killed" | "wounded" | "hurt" | "displaced")
}

/// "the number of injured stood at 41", "the number of flights rose to 18": what the sentence says a
/// number of, before the figure.
fn number_of(t: &Tokens, start: usize, gaz: &Lexicon) -> Option<String> {
    let at = (0..start.saturating_sub(2)).find(|&k| t.key(k) == "number" && t.key(k + 1) == "of")?;
    let first = at + 2;
    // Up to three words, ending before a verb ("injured stands at").
    let end = (first..start.min(first + 3))
        .find(|&k| {
            !t.is_word(k) || gaz.is_stop(t.key(k)) || (k > first && gaz.word_tags(t.key(k)).has(Tags::VERB))
        })
        .unwrap_or(start.min(first + 3));
    (end > first).then(|| plain(t.span(first..end)))
}

/// "of X" after a number: what a share or a vague plural counts.
fn of_phrase(t: &Tokens, start: usize, gaz: &Lexicon) -> Option<(String, usize)> {
    if t.key(start) != "of" {
        return None;
    }
    let mut from = start + 1;
    while matches!(t.key(from), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our") {
        from += 1;
    }
    noun_phrase(t, from, gaz)
}

/// What an amount of money is for: "$61 billion in military aid", "$2 million worth of grain".
fn money_subject(t: &Tokens, start: usize, gaz: &Lexicon) -> Option<String> {
    let mut j = start;
    if t.key(j) == "worth" {
        j += 1;
    }
    if !matches!(t.key(j), "in" | "of" | "for") {
        return noun_phrase(t, start, gaz).map(|(p, _)| p);
    }
    let mut from = j + 1;
    while matches!(t.key(from), "the" | "a" | "an" | "new" | "its" | "their") {
        from += 1;
    }
    noun_phrase(t, from, gaz).map(|(p, _)| p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::lexicon;

    fn figures(text: &str) -> Vec<(f64, Qualifier, String, String)> {
        let t = Tokens::new(text);
        let g = lexicon::get();
        find(&t, &dates::find(&t, g), g).into_iter().map(|f| (f.value, f.qualifier, f.text, f.unit)).collect()
    }

    #[test]
    fn digits_words_scales_and_qualifiers() {
        assert_eq!(
            figures("North Korea has sent more than a million artillery shells to Moscow since August."),
            [(1e6, Qualifier::MoreThan, "more than a million".into(), "artillery shells".into())]
        );
        assert_eq!(
            figures("Russia may have received about 1.6 million artillery shells from North Korea."),
            [(1.6e6, Qualifier::About, "about 1.6 million".into(), "artillery shells".into())]
        );
        assert_eq!(
            figures("It amounts to roughly two months’ worth of supply for the war."),
            [(2.0, Qualifier::About, "roughly two".into(), "months of supply".into())]
        );
        assert_eq!(
            figures("New sanctions target three entities tied to a network."),
            [(3.0, Qualifier::Exact, "three".into(), "entities".into())]
        );
        assert_eq!(
            figures("A depot only 200 kilometers from the border."),
            [(200.0, Qualifier::Exact, "200".into(), "kilometers".into())]
        );
        assert_eq!(figures("It tried twice this year.")[0].3, "times");
        assert_eq!(figures("Firefighters pulled two children alive.")[0].3, "children");
        let quake = figures("A magnitude 7.1 earthquake struck.");
        assert_eq!((quake[0].0, quake[0].3.as_str()), (7.1, "magnitude"));
    }

    #[test]
    fn coordinated_numbers_share_the_unit_and_counts_get_a_subject() {
        assert_eq!(
            figures("The fire killed at least 12 people and injured more than 300, officials said."),
            [
                (12.0, Qualifier::AtLeast, "at least 12".into(), "people".into()),
                (300.0, Qualifier::MoreThan, "more than 300".into(), "people".into())
            ]
        );
        assert_eq!(figures("It left 4 people dead and 30 injured.")[1].3, "people injured");
        assert_eq!(figures("It had 40 aftershocks, the strongest measuring 5.6.").len(), 1);
        let t =
            Tokens::new("North Korea has sent more than a million artillery shells to Moscow since August.");
        let g = lexicon::get();
        let found = find(&t, &dates::find(&t, g), g);
        assert_eq!(found[0].subject.as_deref(), Some("artillery shells to Moscow"));
        let t = Tokens::new("Revenue was $8.2 billion.");
        assert_eq!(find(&t, &dates::find(&t, g), g)[0].value, 8.2e9);
    }

    #[test]
    fn money_and_percentages() {
        let t = Tokens::new("Congress approved $61 billion in military aid, 30% of the total.");
        let found = find(&t, &dates::find(&t, lexicon::get()), lexicon::get());
        assert_eq!(found[0].value, 61e9);
        assert_eq!(found[0].unit, "US dollars");
        assert_eq!(found[0].subject.as_deref(), Some("military aid"));
        assert_eq!(found[1].value, 0.3);
        assert_eq!(found[1].unit, "percent");
        assert_eq!(found[1].subject.as_deref(), Some("total"));
        assert_eq!(
            figures("Hundreds of people fled.")[0],
            (100.0, Qualifier::MoreThan, "Hundreds".into(), "people".into())
        );
    }

    #[test]
    fn hyphen_compounds_tallies_and_compound_amounts() {
        let values = |text: &str| figures(text).into_iter().map(|f| (f.0, f.3)).collect::<Vec<_>>();
        assert_eq!(values("The council set a 4-cent ceiling."), [(4.0, "cents".to_string())]);
        assert_eq!(values("A 5.8-magnitude quake struck."), [(5.8, "magnitude".to_string())]);
        assert_eq!(values("The 650-member assembly voted."), [(650.0, "members".to_string())]);
        assert_eq!(
            values("They proposed a 6- or 7-cent rise."),
            [(6.0, "cents".to_string()), (7.0, "cents".to_string())]
        );
        assert_eq!(values("It imposed 25-per cent duties."), [(0.25, "percent".to_string())]);
        assert!(figures("A two-way deal and a one-off fee for a three-year-old.").is_empty());
        assert_eq!(
            values("Lawmakers voted 301-112 for the bill."),
            [(301.0, "score".to_string()), (112.0, "score".to_string())]
        );
        assert_eq!(figures("Of the 12 million 402,118 voters, most came.")[0].0, 12_402_118.0);
    }

    #[test]
    fn signs_subunits_fractions_and_parts() {
        let values = |text: &str| figures(text).into_iter().map(|f| (f.0, f.3)).collect::<Vec<_>>();
        assert_eq!(values("Rates fell as low as -0.25% last year."), [(-0.0025, "percent".to_string())]);
        assert_eq!(values("It earned 64 cents a share."), [(0.64, "US dollars".to_string())]);
        assert_eq!(values("More than a third of the members left."), [(0.3333, "percent".to_string())]);
        // "half a million" is a number; "the first half of the year" a period, not a share.
        assert_eq!(
            values("The plant bottles half a million litres a week."),
            [(500000.0, "litres".to_string())]
        );
        assert_eq!(values("Hiring will pick up in the latter half of the season."), []);
        assert_eq!(values("Output fell in the first half of 2025."), []);
        assert_eq!(
            values("Crews found 300 boats, 120 of which had sunk."),
            [(300.0, "boats".to_string()), (120.0, "boats".to_string())]
        );
    }

    #[test]
    fn numbers_without_a_noun_take_one_from_the_sentence() {
        let values = |text: &str| figures(text).into_iter().map(|f| (f.0, f.3)).collect::<Vec<_>>();
        assert_eq!(
            values("Tremors ranging in magnitude from 2.2 to 3.9 followed."),
            [(2.2, "magnitude".to_string()), (3.9, "magnitude".to_string())]
        );
        // A number the clause ends on counts what the one before it counted.
        assert_eq!(
            values("Ulm reported six cases, Hale reported four, and Tarvo reported two each."),
            [(6.0, "cases".to_string()), (4.0, "cases".to_string()), (2.0, "cases".to_string())]
        );
        assert_eq!(values("The score was 3."), []);
        assert_eq!(
            values("Four people died and dozens injured were treated."),
            [(4.0, "people".to_string()), (12.0, "injured".to_string())]
        );
        // "the number of X ... at N": N counts X.
        assert_eq!(values("By Monday the number of injured stood at 41."), [(41.0, "injured".to_string())]);
        assert_eq!(values("The number of flights cancelled rose to 18."), [(18.0, "flights".to_string())]);
        assert_eq!(
            values("It lifted output to 1.4 million barrels from a forecast of 1.1 million."),
            [(1.4e6, "barrels".to_string()), (1.1e6, "barrels".to_string())]
        );
        assert_eq!(
            values("Analysts expected a jobs growth of 210,000."),
            [(210_000.0, "jobs growth".to_string())]
        );
        assert_eq!(values("The toll rose to 87 confirmed dead."), [(87.0, "confirmed dead".to_string())]);
        assert_eq!(
            values("Economists had forecast a jobs growth of just around 380,000."),
            [(380_000.0, "jobs growth".to_string())]
        );
        assert_eq!(
            values("Employers added 428,000 jobs, almost 50,000 above expectations."),
            [(428_000.0, "jobs".to_string()), (50_000.0, "jobs".to_string())]
        );
        assert_eq!(
            values("Tarvo reported four cases, and Norland reported two each."),
            [(4.0, "cases".to_string()), (2.0, "cases".to_string())]
        );
        assert_eq!(values("Dan Morrow, 24, of Dunmore, was held."), [(24.0, "years old".to_string())]);
        assert_eq!(
            values("It called 75 potential financial and strategic buyers, and 3 firms and banks."),
            [(75.0, "potential financial and strategic buyers".to_string()), (3.0, "firms".to_string())]
        );
        let (t, g) = (Tokens::new("Dan Morrow, 24, was held."), lexicon::get());
        assert_eq!(find(&t, &dates::find(&t, g), g)[0].subject.as_deref(), Some("age of Dan Morrow"));
        assert_eq!(values("Rebels fired some 40 such rockets."), [(40.0, "rockets".to_string())]);
        assert_eq!(values("Outbreaks were found in nine states."), [(9.0, "states".to_string())]);
        assert_eq!(
            values("Power was cut for three months earlier this year."),
            [(3.0, "months".to_string())]
        );
    }

    #[test]
    fn dates_years_identifiers_and_references_are_not_figures() {
        assert!(figures("On June 24, 2024, they met in 2019 under Resolution 2231.").is_empty());
        assert!(figures("Posted at 12:33 PM and updated at 9:05.").is_empty(), "times of day");
        assert!(figures("It is the No. 1 producer, says Vol. 3 of the report.").is_empty(), "ranks");
        assert!(figures("The two countries have a two-way deal with F-16 jets at 10:30.").is_empty());
        // An initialism spaced from its hyphened number is still a name: "the QRV -22 rules".
        let spaced = figures("Twelve officials broke the QRV -22 rules.");
        assert_eq!(spaced.iter().map(|f| f.0).collect::<Vec<_>>(), [12.0], "{spaced:?}");
        assert!(figures("He is one of the leaders, and the three allies agreed.").is_empty());
        assert!(figures("In the past two years prices rose.").is_empty());
        assert!(figures("Three years ago prices rose.").is_empty());
        assert_eq!(figures("He faces up to 10 years in prison.")[0].1, Qualifier::UpTo);
        assert_eq!(
            figures("All three national security advisors agreed.")[0].3,
            "national security advisors"
        );
    }
}
