//! Open points: sentences that say something is not known or not shown ("It's not clear what ...", "could
//! not be verified", "reportedly"), that a party would not say ("declined to comment"), that something is
//! not settled ("has yet to", "is expected to", "if approved", "pending"), that a party denies or contests
//! it ("denied", "objected"), or that hedge it ("is believed to", "likely"; modal verbs only beside a claim
//! or figure). Input: one sentence's tokens and the statement of its claim; output: the question, asked in
//! the article's words where a wh-clause allows ("What can the United States and its allies do ...?"),
//! otherwise the gap stated with a label of its kind. Two figures of one thing that differ are an open
//! point too ([`differing_figures`]).

use super::doc::{Sent, Tags};
use super::lexicon::{Lexicon, OpenKind};
use super::tokens::Tokens;
use super::{plain, sentence_case};

#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub text: String,
    pub kind: OpenKind,
    /// Raised by a phrase of `[open_points]`, not only a modal verb.
    pub strong: bool,
}

const WH: &[&str] = &["what", "how", "whether", "when", "why", "who", "which", "where", "if"];
const AUXILIARIES: &[&str] = &[
    "can", "could", "will", "would", "should", "may", "might", "must", "is", "are", "was", "were", "has",
    "have", "had",
];

/// The open point a sentence raises, if it raises one. `claim` is the statement of a claim made in the
/// same sentence, which a "did not elaborate" is about.
pub fn find(s: &Sent, claim: Option<&str>, gaz: &Lexicon) -> Option<Found> {
    let t = &s.t;
    if !(0..t.len()).any(|k| s.has(k, Tags::OPEN_PHRASE)) {
        return None;
    }
    // The first phrase of the sentence, the kinds that say more first: what is not known, not said,
    // contested, not settled, then hedged.
    let mut best: Option<(std::ops::Range<usize>, OpenKind)> = None;
    let mut k = 0;
    while k < t.len() {
        if !s.has(k, Tags::OPEN_PHRASE) {
            k += 1;
            continue;
        }
        if let Some((end, kind)) = gaz.open_points.longest_at(t, k) {
            if best.as_ref().is_none_or(|(_, b)| *kind < *b) {
                best = Some((k..end, *kind));
            }
            k = end;
        } else {
            k += 1;
        }
    }
    if let Some((range, kind)) = best {
        let phrase: String = range.clone().map(|k| t.key(k)).collect::<Vec<_>>().join(" ");
        let label = label(kind, &phrase);
        // "not clear what ...", "refrained from detailing how ...".
        if kind == OpenKind::Unknown
            && let Some(wh) = (range.end..t.len().min(range.end + 4)).find(|&k| WH.contains(&t.key(k)))
        {
            let clause = clause_text(t, wh..t.len());
            return Some(Found {
                text: invert(t, wh).unwrap_or_else(|| format!("{label}: {clause}.")),
                kind,
                strong: true,
            });
        }
        // "the duration of the war remains uncertain".
        if phrase.starts_with("remain") && range.start > 0 {
            let start = (0..range.start)
                .rev()
                .find(|&k| t.key(k) == "that" || t.is_punct(k, ","))
                .map_or(0, |k| k + 1);
            if range.start > start + 1 {
                return Some(Found {
                    text: format!("{label}: {}.", clause_text(t, start..range.start)),
                    kind,
                    strong: true,
                });
            }
        }
        let what = match (kind, claim) {
            (OpenKind::Unknown | OpenKind::Hedged, Some(c)) => c.trim_end_matches('.').to_string(),
            _ => clause_text(t, 0..t.len()),
        };
        return Some(Found { text: format!("{label}: {what}."), kind, strong: true });
    }
    gaz.weak_hedges.find(t, 0..t.len())?;
    let what =
        claim.map(|c| c.trim_end_matches('.').to_string()).unwrap_or_else(|| clause_text(t, 0..t.len()));
    Some(Found { text: format!("Unconfirmed: {what}."), kind: OpenKind::Hedged, strong: false })
}

/// A figure as one source gives it, for [`differing_figures`].
pub struct Stated {
    /// The number as written ("about 1,000").
    pub text: String,
    pub value: f64,
    /// What it counts ("people", "percent", "US dollars").
    pub unit: String,
    /// What a percentage or amount is of ("its exports").
    pub subject: Option<String>,
    /// A percentage, an amount of money or another measure that says nothing alone of what it measures.
    pub measure: bool,
    pub by: Option<String>,
}

/// Two counts of one thing that differ by more than this factor are two things ("$7.06 a share" and "$34
/// million in revenue"), not a dispute.
const DISPUTE_RATIO: f64 = 3.0;

/// An open point for two figures of one thing given differently: "Disputed: people: 1,000 (the ministry)
/// against 1,200 (the Red Cross)". One thing is one unit, the same subject, and values within
/// [`DISPUTE_RATIO`]; a percentage or an amount of money is one thing only when both name what it is of.
pub fn differing_figures(figures: &[Stated]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, a) in figures.iter().enumerate() {
        for b in &figures[i + 1..] {
            let same_subject = a.subject == b.subject && (a.subject.is_some() || !(a.measure || b.measure));
            let (low, high) = (a.value.abs().min(b.value.abs()), a.value.abs().max(b.value.abs()));
            let comparable = high <= low * DISPUTE_RATIO || low == 0.0;
            let same_thing = !a.unit.is_empty() && a.unit == b.unit && same_subject && comparable;
            let (Some(a_by), Some(b_by)) = (&a.by, &b.by) else { continue };
            if same_thing && a_by != b_by && a.text != b.text {
                out.push(format!("Disputed: {}: {} ({a_by}) against {} ({b_by}).", a.unit, a.text, b.text));
            }
        }
    }
    out
}

/// The label of an open point of that kind and phrase.
fn label(kind: OpenKind, hedge: &str) -> &'static str {
    match kind {
        OpenKind::Declined
            if hedge.contains("respond") || hedge.contains("reached") || hedge.contains("return") =>
        {
            return "No response yet";
        }
        OpenKind::Declined => return "No comment",
        OpenKind::Pending
            if hedge.contains("investigat") || hedge.contains("looking into") || hedge.contains("review") =>
        {
            return "Under investigation";
        }
        OpenKind::Pending => return "Pending",
        OpenKind::Disputed => return "Disputed",
        OpenKind::Hedged => return "Unconfirmed",
        OpenKind::Unknown => {}
    }
    if hedge.contains("respond") {
        "No response yet"
    } else if ["verif", "unconfirmed", "citing", "anonymity", "familiar", "reportedly", "allegedly"]
        .iter()
        .any(|w| hedge.contains(w))
    {
        "Unverified"
    } else if ["seem", "appear"].iter().any(|w| hedge.contains(w)) {
        "Unconfirmed"
    } else if hedge.contains("uncertain")
        || hedge.contains("remains to be seen")
        || hedge.contains("determined")
    {
        "Uncertain"
    } else if hedge.contains("investigation") {
        "Under investigation"
    } else if [
        "determine",
        "pinpoint",
        "discover",
        "identify",
        "find",
        "conclude",
        "confirm",
        "mystery",
        "identified",
    ]
    .iter()
    .any(|w| hedge.contains(w))
    {
        "Not yet established"
    } else if hedge.contains("clear") || hedge.contains("known") {
        "Unclear"
    } else {
        "Not disclosed"
    }
}

fn clause_text(t: &Tokens, span: std::ops::Range<usize>) -> String {
    let text = plain(t.span(span));
    sentence_case(text.trim_end_matches(['.', ',', ';', ':', '!', '?', '"']).trim())
}

/// "what the allies can do" → "What can the allies do?"; "whether talks will continue" → "Will talks
/// continue?". None when no auxiliary comes soon enough to move.
fn invert(t: &Tokens, wh: usize) -> Option<String> {
    // The wh-phrase: "how many people", "which shirt number".
    let mut phrase_end = wh + 1;
    if t.key(wh) == "how" && matches!(t.key(phrase_end), "many" | "much" | "long" | "far" | "often" | "soon")
    {
        phrase_end += 1;
    }
    if matches!(t.key(wh), "how" | "which" | "what") {
        while phrase_end < t.len().min(wh + 5)
            && t.is_word(phrase_end)
            && !t.toks[phrase_end].cap
            && !AUXILIARIES.contains(&t.key(phrase_end))
            && !matches!(
                t.key(phrase_end),
                "the" | "a" | "an" | "he" | "she" | "it" | "they" | "we" | "its" | "their" | "his" | "her"
            )
        {
            phrase_end += 1;
        }
    }
    // "how many people are still trapped": the phrase is the subject, nothing moves.
    if phrase_end > wh + 1 && AUXILIARIES.contains(&t.key(phrase_end)) {
        let end = (phrase_end..t.len()).rev().find(|&k| t.is_word(k)).map_or(phrase_end, |k| k + 1);
        return Some(format!("{}?", sentence_case(&plain(t.span(wh..end)))));
    }
    // The auxiliary of the clause itself, not of a relative clause set off by commas inside its subject
    // ("whether the assets, which prosecutors said were held abroad, can be recovered").
    let mut aux = None;
    let mut k = phrase_end + 1;
    let mut aside: Option<usize> = None;
    while k < t.len().min(phrase_end + 24) {
        if t.is_punct(k, ",") {
            aside = match aside {
                None if matches!(t.key(k + 1), "which" | "who" | "whom" | "whose") => Some(k),
                Some(_) => None,
                None => break,
            };
        } else if aside.is_none() && t.is_word(k) && AUXILIARIES.contains(&t.key(k)) {
            aux = Some(k);
            break;
        }
        k += 1;
    }
    let aux = aux.filter(|&a| a < phrase_end + 9 || a > phrase_end + 1)?;
    let end = (aux + 1..t.len()).rev().find(|&k| t.is_word(k)).map_or(aux + 1, |k| k + 1);
    let subject = plain(t.span(phrase_end..aux)).trim_end_matches(',').to_string();
    let rest = plain(t.span(aux + 1..end));
    let aux_word = t.key(aux);
    let text = if matches!(t.key(wh), "whether" | "if") {
        format!("{aux_word} {subject} {rest}")
    } else {
        format!("{} {aux_word} {subject} {rest}", plain(t.span(wh..phrase_end)).to_lowercase())
    };
    Some(format!("{}?", sentence_case(text.trim())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::lexicon;

    fn question(text: &str, claim: Option<&str>) -> Option<String> {
        let lex = lexicon::get();
        let sentences = [crate::convert::sentences::Sentence { range: 0..text.len(), paragraph: 0 }];
        let doc = crate::convert::doc::Doc::new(text, &sentences, lex);
        find(&doc.sents[0], claim, lex).map(|q| q.text)
    }

    #[test]
    fn wh_clauses_become_questions() {
        assert_eq!(
            question(
                "It’s not clear what the United States and its allies can do to stop such activity.",
                None
            )
            .as_deref(),
            Some("What can the United States and its allies do to stop such activity?")
        );
        assert_eq!(
            question(
                "Kirby refrained from detailing how the U.S. gathered this intelligence, citing sources.",
                None
            )
            .as_deref(),
            Some("Not disclosed: How the U.S. gathered this intelligence, citing sources.")
        );
    }

    #[test]
    fn wh_phrases_stay_together() {
        assert_eq!(
            question("It remains unclear how many people are still trapped.", None).as_deref(),
            Some("How many people are still trapped?")
        );
        assert_eq!(
            question("It is not known which shirt number he will wear.", None).as_deref(),
            Some("Which shirt number will he wear?")
        );
    }

    #[test]
    fn gaps_are_labelled() {
        assert_eq!(
            question("He also acknowledged that the duration of Russia’s warfare remains uncertain.", None)
                .as_deref(),
            Some("Uncertain: The duration of Russia's warfare.")
        );
        assert_eq!(
            question("The embassy has not yet responded to requests for comment.", None).as_deref(),
            Some("No response yet: The embassy has not yet responded to requests for comment.")
        );
        assert_eq!(
            question(
                "Blinken said Russia gives support – though he did not elaborate.",
                Some("Russia gives support.")
            )
            .as_deref(),
            Some("Not disclosed: Russia gives support.")
        );
        assert_eq!(
            question("They may try again.", None).as_deref(),
            Some("Unconfirmed: They may try again.")
        );
        assert_eq!(question("The talks ended.", None), None);
        assert_eq!(
            question("Investigators are still trying to determine the source of the outbreak.", None)
                .as_deref(),
            Some(
                "Not yet established: Investigators are still trying to determine the source of the outbreak."
            )
        );
    }

    #[test]
    fn named_questions_inquiries_talks_and_concerns_are_open() {
        for text in [
            "The key question is what the council will offer in return.",
            "Engineers are examining why the pump failed.",
            "The two sides are negotiating a wider accord.",
            "There are concerns that prices could stay high.",
        ] {
            assert!(question(text, None).is_some(), "{text}");
        }
        assert_eq!(question("Engineers examined the pump.", None), None);
    }

    #[test]
    fn terms_kept_back_decisions_to_come_and_accounts_that_conflict_are_open() {
        for text in [
            "Quorvo has not disclosed the terms of the deal.",
            "A decision on the merger will be made next month.",
            "The bill still needs the approval of the Tarvo Senate.",
            "Investigators are trying to establish what caused the crash.",
            "The two sides have given conflicting accounts of the clash.",
        ] {
            assert!(question(text, None).is_some(), "{text}");
        }
        assert_eq!(question("The Tarvo Senate approved the bill.", None), None);
    }

    #[test]
    fn counts_that_differ_are_disputed() {
        assert_eq!(
            question("The army's figures are higher than the blog's.", None).as_deref(),
            Some("Disputed: The army's figures are higher than the blog's.")
        );
        assert_eq!(
            question("The video could not be independently verified.", None).as_deref(),
            Some("Unverified: The video could not be independently verified.")
        );
    }
    fn stated(text: &str, value: f64, unit: &str, subject: Option<&str>, by: &str) -> Stated {
        let measure = unit == "percent" || unit == "US dollars";
        let (text, unit, subject, by) = (text.into(), unit.into(), subject.map(Into::into), Some(by.into()));
        Stated { text, value, unit, subject, measure, by }
    }

    #[test]
    fn two_sources_counting_one_thing_differently_is_a_dispute() {
        // "The ministry said 1,000 people died; the Red Cross put the toll at 1,200 people."
        let found = differing_figures(&[
            stated("1,000", 1000.0, "people", None, "ministry"),
            stated("1,200", 1200.0, "people", None, "red-cross"),
        ]);
        assert_eq!(found, ["Disputed: people: 1,000 (ministry) against 1,200 (red-cross)."]);
    }

    #[test]
    fn amounts_of_different_things_or_sizes_are_no_dispute() {
        // "Shares fell $7.06 to $6.02, the exchange said. Analysts expect revenue of $34 million."
        let money = differing_figures(&[
            stated("$7.06", 7.06, "US dollars", None, "exchange"),
            stated("$9", 9.0, "US dollars", None, "analyst"),
            stated("$34 million", 34e6, "US dollars", None, "analysts"),
        ]);
        assert!(money.is_empty(), "{money:?}");
        // "Police counted 3 people hurt; a witness said 300 people."
        let far = differing_figures(&[
            stated("3", 3.0, "people", None, "police"),
            stated("300", 300.0, "people", None, "witness"),
        ]);
        assert!(far.is_empty(), "{far:?}");
        // "The agency put inflation at 4%; the bank said 5% of its loans were bad."
        let percents = differing_figures(&[
            stated("4%", 0.04, "percent", Some("inflation"), "agency"),
            stated("5%", 0.05, "percent", Some("its loans"), "bank"),
        ]);
        assert!(percents.is_empty(), "{percents:?}");
        let same = differing_figures(&[
            stated("4%", 0.04, "percent", Some("inflation"), "agency"),
            stated("5%", 0.05, "percent", Some("inflation"), "bank"),
        ]);
        assert_eq!(same.len(), 1);
    }
}
