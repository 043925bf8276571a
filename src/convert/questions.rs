//! Open questions: sentences that say something is not known ("It's not clear what ...", "did not
//! elaborate", "has not yet responded", "refrained from detailing how ...", "remains uncertain") or hedge
//! it ("may", "could", "possibly"). The question is asked in the article's words where a wh-clause allows
//! ("What can the United States and its allies do ...?"), otherwise the gap is stated with a label.

use super::gazetteer::Gazetteer;
use super::tokens::Tokens;
use super::{plain, sentence_case};

#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub text: String,
    /// Raised by a strong hedge ("not clear"), not only a modal verb.
    pub strong: bool,
}

const WH: &[&str] = &["what", "how", "whether", "when", "why", "who", "which", "where", "if"];
const AUXILIARIES: &[&str] = &[
    "can", "could", "will", "would", "should", "may", "might", "must", "is", "are", "was", "were", "has",
    "have", "had",
];

/// The question a sentence raises, if it raises one. `claim` is the statement of a claim made in the
/// same sentence, which a "did not elaborate" is about.
pub fn find(t: &Tokens, claim: Option<&str>, gaz: &Gazetteer) -> Option<Found> {
    if let Some((range, _)) = gaz.strong_hedges.find(t, 0..t.len()) {
        let hedge: String = range.clone().map(|k| t.key(k)).collect::<Vec<_>>().join(" ");
        let label = label(&hedge);
        // "not clear what ...", "refrained from detailing how ...".
        if let Some(wh) = (range.end..t.len().min(range.end + 4)).find(|&k| WH.contains(&t.key(k))) {
            let clause = clause_text(t, wh..t.len());
            return Some(Found {
                text: invert(t, wh).unwrap_or_else(|| format!("{label}: {clause}.")),
                strong: true,
            });
        }
        // "the duration of the war remains uncertain".
        if hedge.starts_with("remain") && range.start > 0 {
            let start = (0..range.start)
                .rev()
                .find(|&k| t.key(k) == "that" || t.is_punct(k, ","))
                .map_or(0, |k| k + 1);
            if range.start > start + 1 {
                return Some(Found {
                    text: format!("{label}: {}.", clause_text(t, start..range.start)),
                    strong: true,
                });
            }
        }
        let what =
            claim.map(|c| c.trim_end_matches('.').to_string()).unwrap_or_else(|| clause_text(t, 0..t.len()));
        return Some(Found { text: format!("{label}: {what}."), strong: true });
    }
    gaz.weak_hedges.find(t, 0..t.len())?;
    let what =
        claim.map(|c| c.trim_end_matches('.').to_string()).unwrap_or_else(|| clause_text(t, 0..t.len()));
    Some(Found { text: format!("Unconfirmed: {what}."), strong: false })
}

/// The kind of gap a strong hedge states.
fn label(hedge: &str) -> &'static str {
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
    use crate::convert::gazetteer;

    fn question(text: &str, claim: Option<&str>) -> Option<String> {
        find(&Tokens::new(text), claim, gazetteer::get()).map(|q| q.text)
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
}
