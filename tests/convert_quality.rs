//! How close `brief convert`'s drafts of the five seed articles come to their reviewed briefings.
//!
//! Prints the table in docs/convert.md and asserts the floors, each summed over the five seeds: actors
//! recall ≥ 0.95 and precision ≥ 0.95, figures recall and precision ≥ 0.9, attributed claims recall and
//! precision ≥ 0.85, questions recall ≥ 0.7. Run it with the table shown:
//! `cargo test --release --test convert_quality -- --nocapture`.
//!
//! Matching rules (the same for every seed):
//! - an actor is found when a draft actor shares a spelling with it (name or alias, compared with
//!   `actors::normalize_name`); "split" counts reviewed actors found by more than one draft actor (aliases
//!   not merged);
//! - a figure is found when a draft figure has the same value and qualifier and quotes the same sentence;
//! - a claim is found when a draft claim quotes the same sentence and its claimant is the reviewed
//!   claimant (by spelling, as for actors). Claims the reviewed briefing gives to the publishing outlet
//!   itself are statements of fact, not attributions, and are counted apart;
//! - a question is found when a draft question has the same source sentence.
//!
//! Precision is the share of draft items that match a reviewed item by the same rules.

use std::path::Path;

use brief::actors::normalize_name;
use brief::convert::batch::date_in_name;
use brief::convert::{Options, convert};
use brief::model::{Actor, Briefing};
use brief::store::{Store, fold_whitespace};

const ACTOR_FLOOR: f64 = 0.95;
const FIGURE_FLOOR: f64 = 0.9;
const CLAIM_FLOOR: f64 = 0.85;
const QUESTION_FLOOR: f64 = 0.7;

fn spellings(a: &Actor) -> Vec<String> {
    std::iter::once(&a.name).chain(&a.aliases).map(|s| normalize_name(s)).collect()
}

fn same_actor(a: &Actor, b: &Actor) -> bool {
    let sa = spellings(a);
    spellings(b).iter().any(|s| sa.contains(s))
}

fn same_sentence(a: &str, b: &str) -> bool {
    fold_whitespace(a) == fold_whitespace(b)
}

#[derive(Default, Clone, Copy)]
struct Score {
    found: usize,
    total: usize,
    right: usize,
    drafted: usize,
}

impl Score {
    fn add(&mut self, other: Score) {
        self.found += other.found;
        self.total += other.total;
        self.right += other.right;
        self.drafted += other.drafted;
    }

    fn recall(self) -> f64 {
        if self.total == 0 { 1.0 } else { self.found as f64 / self.total as f64 }
    }

    fn precision(self) -> f64 {
        if self.drafted == 0 { 1.0 } else { self.right as f64 / self.drafted as f64 }
    }

    fn cell(self) -> String {
        format!("{}/{} {:.2} · {:.2}", self.found, self.total, self.recall(), self.precision())
    }
}

struct Row {
    id: String,
    actors: Score,
    split: usize,
    figures: Score,
    claims: Score,
    own_voice: Score,
    questions: Score,
}

impl Row {
    /// This row of the Markdown table, its first cell `label`.
    fn table_row(&self, label: &str) -> String {
        format!(
            "| {label} | {} | {} | {} | {} | {}/{} | {} |",
            self.actors.cell(),
            self.split,
            self.figures.cell(),
            self.claims.cell(),
            self.own_voice.found,
            self.own_voice.total,
            self.questions.cell()
        )
    }
}

fn compare(reviewed: &Briefing, draft: &Briefing) -> Row {
    let actor_of = |b: &Briefing, id: &str| b.actor(id).cloned();
    let actors = Score {
        found: reviewed.actors.iter().filter(|r| draft.actors.iter().any(|d| same_actor(r, d))).count(),
        total: reviewed.actors.len(),
        right: draft.actors.iter().filter(|d| reviewed.actors.iter().any(|r| same_actor(r, d))).count(),
        drafted: draft.actors.len(),
    };
    let split = reviewed
        .actors
        .iter()
        .filter(|r| draft.actors.iter().filter(|d| same_actor(r, d)).count() > 1)
        .count();

    let figure_match = |r: &brief::model::Figure, d: &brief::model::Figure| {
        (r.value - d.value).abs() <= 1e-9 * r.value.abs().max(1.0)
            && r.qualifier == d.qualifier
            && same_sentence(&r.quote, &d.quote)
    };
    let figures = Score {
        found: reviewed.figures.iter().filter(|r| draft.figures.iter().any(|d| figure_match(r, d))).count(),
        total: reviewed.figures.len(),
        right: draft.figures.iter().filter(|d| reviewed.figures.iter().any(|r| figure_match(r, d))).count(),
        drafted: draft.figures.len(),
    };

    let publisher = |c: &brief::model::Claim| {
        reviewed
            .actor(&c.claimed_by)
            .is_some_and(|a| normalize_name(&a.name) == normalize_name(&reviewed.source.outlet))
    };
    let claim_match = |r: &brief::model::Claim, d: &brief::model::Claim| {
        same_sentence(&r.quote, &d.quote)
            && match (actor_of(reviewed, &r.claimed_by), actor_of(draft, &d.claimed_by)) {
                (Some(ra), Some(da)) => same_actor(&ra, &da),
                _ => false,
            }
    };
    let attributed: Vec<_> = reviewed.claims.iter().filter(|c| !publisher(c)).collect();
    let own: Vec<_> = reviewed.claims.iter().filter(|c| publisher(c)).collect();
    let claims = Score {
        found: attributed.iter().filter(|r| draft.claims.iter().any(|d| claim_match(r, d))).count(),
        total: attributed.len(),
        right: draft.claims.iter().filter(|d| reviewed.claims.iter().any(|r| claim_match(r, d))).count(),
        drafted: draft.claims.len(),
    };
    let own_voice = Score {
        found: own.iter().filter(|r| draft.claims.iter().any(|d| same_sentence(&r.quote, &d.quote))).count(),
        total: own.len(),
        ..Score::default()
    };
    let question_match = |r: &brief::model::Question, d: &brief::model::Question| match (&r.source, &d.source)
    {
        (Some(a), Some(b)) => same_sentence(a, b),
        _ => false,
    };
    let questions = Score {
        found: reviewed
            .questions
            .iter()
            .filter(|r| draft.questions.iter().any(|d| question_match(r, d)))
            .count(),
        total: reviewed.questions.len(),
        right: draft
            .questions
            .iter()
            .filter(|d| reviewed.questions.iter().any(|r| question_match(r, d)))
            .count(),
        drafted: draft.questions.len(),
    };
    if std::env::var_os("QUALITY_DETAIL").is_some() {
        println!("== {}", reviewed.id);
        for r in reviewed.actors.iter().filter(|r| !draft.actors.iter().any(|d| same_actor(r, d))) {
            println!("  missed actor: {}", r.name);
        }
        for d in draft.actors.iter().filter(|d| !reviewed.actors.iter().any(|r| same_actor(r, d))) {
            println!("  extra actor: {} ({})", d.name, d.kind);
        }
        for r in attributed.iter().filter(|r| !draft.claims.iter().any(|d| claim_match(r, d))) {
            let drafted: Vec<&str> = draft
                .claims
                .iter()
                .filter(|d| same_sentence(&r.quote, &d.quote))
                .map(|d| d.claimed_by.as_str())
                .collect();
            println!("  missed claim by {} (draft: {drafted:?}): {}", r.claimed_by, r.quote);
        }
        for d in draft.claims.iter().filter(|d| !reviewed.claims.iter().any(|r| claim_match(r, d))) {
            println!("  extra claim by {}: {} | {}", d.claimed_by, d.text, d.quote);
        }
        for r in reviewed.questions.iter().filter(|r| !draft.questions.iter().any(|d| question_match(r, d))) {
            println!("  missed question: {:?}", r.source);
        }
        for d in draft.questions.iter().filter(|d| !reviewed.questions.iter().any(|r| question_match(r, d))) {
            println!("  extra question: {}", d.text);
        }
    }
    Row { id: reviewed.id.clone(), actors, split, figures, claims, own_voice, questions }
}

#[test]
fn drafts_of_the_seed_articles_reach_the_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let store = Store::load(&root.join("briefings")).expect("seed briefings load");
    let mut rows = Vec::new();
    for entry in &store.entries {
        let reviewed = &entry.briefing;
        let article = reviewed.source.article.as_deref().expect("seeds link their article");
        let path = root.join("briefings").join(article);
        let text = std::fs::read_to_string(&path).expect("seed article reads");
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        // The same options `brief convert FILE` derives from the file name.
        let options = Options { published: date_in_name(&stem), name: Some(stem), ..Options::default() };
        let draft = convert(&text, &options).expect("seed converts");
        rows.push(compare(reviewed, &draft));
    }
    rows.sort_by(|a, b| a.id.cmp(&b.id));

    let mut total = Row {
        id: "all five".into(),
        actors: Score::default(),
        split: 0,
        figures: Score::default(),
        claims: Score::default(),
        own_voice: Score::default(),
        questions: Score::default(),
    };
    println!("\nfound/reviewed recall · precision\n");
    println!("| seed | actors | split | figures | attributed claims | outlet's own statements | questions |");
    println!("| --- | --- | ---: | --- | --- | ---: | --- |");
    for r in &rows {
        println!("{}", r.table_row(&r.id));
        total.actors.add(r.actors);
        total.split += r.split;
        total.figures.add(r.figures);
        total.claims.add(r.claims);
        total.own_voice.add(r.own_voice);
        total.questions.add(r.questions);
    }
    let t = &total;
    println!("{}\n", t.table_row(&format!("**{}**", t.id)));
    for (what, score, floor) in [
        ("actor", t.actors, ACTOR_FLOOR),
        ("figure", t.figures, FIGURE_FLOOR),
        ("claim", t.claims, CLAIM_FLOOR),
    ] {
        assert!(score.recall() >= floor, "{what} recall {:.3} < {floor}", score.recall());
        assert!(score.precision() >= floor, "{what} precision {:.3} < {floor}", score.precision());
    }
    assert!(
        t.questions.recall() >= QUESTION_FLOOR,
        "question recall {:.3} < {QUESTION_FLOOR}",
        t.questions.recall()
    );
}
