//! The five seed briefings: clean under `brief check`, quotes verbatim, the required cross-links present.

use std::fs;
use std::path::Path;

use brief::model::{Qualifier, Relation};
use brief::store::Store;

fn seeds() -> Store {
    Store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")).unwrap()
}

#[test]
fn all_five_load_with_no_error_and_no_warning() {
    let store = seeds();
    let problems: Vec<String> = store.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(store.entries.len(), 5);
    assert!(store.entries.iter().all(|e| e.briefing.status == brief::model::Status::Reviewed));
}

/// Checked on the raw files, independently of the loader's own (whitespace-folding) quote check.
#[test]
fn every_quote_occurs_verbatim_in_its_article() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    let mut checked = 0;
    for file in fs::read_dir(&dir).unwrap() {
        let path = file.unwrap().path();
        let doc: toml::Table = fs::read_to_string(&path).unwrap().parse().unwrap();
        let article_rel = doc["source"]["article"].as_str().unwrap();
        let article = fs::read_to_string(dir.join(article_rel)).unwrap();
        for (section, key) in [("figure", "quote"), ("claim", "quote"), ("question", "source")] {
            for item in doc.get(section).and_then(|v| v.as_array()).into_iter().flatten() {
                if let Some(quote) = item.get(key).and_then(|q| q.as_str()) {
                    assert!(
                        article.contains(quote),
                        "{}: {section} {}: {quote:?}",
                        path.display(),
                        item["id"]
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 40, "only {checked} quotes");
}

/// The shell count appears in three briefings; the 2024 estimate updates the 2023 ones.
#[test]
fn shell_count_is_given_in_three_briefings_and_linked() {
    let store = seeds();
    let mut shells = Vec::new();
    for entry in &store.entries {
        for f in &entry.briefing.figures {
            if f.unit.contains("shell") && f.value >= 1_000_000.0 {
                shells.push((entry.briefing.id.as_str(), f.value, f.qualifier, f));
            }
        }
    }
    let mut values: Vec<(f64, Qualifier)> = shells.iter().map(|s| (s.1, s.2)).collect();
    values.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert_eq!(
        values,
        [
            (1_000_000.0, Qualifier::MoreThan),
            (1_000_000.0, Qualifier::MoreThan),
            (1_600_000.0, Qualifier::About)
        ]
    );
    let newest = shells.iter().find(|s| s.1 == 1_600_000.0).unwrap();
    let updated: Vec<&str> = newest
        .3
        .refs
        .iter()
        .filter(|r| r.relation == Relation::Updates)
        .filter_map(|r| r.target().map(|(b, _)| b))
        .collect();
    let older: Vec<&str> = shells.iter().filter(|s| s.1 == 1_000_000.0).map(|s| s.0).collect();
    for id in older {
        assert!(updated.contains(&id), "1.6 million updates the count in {id}: {updated:?}");
    }
}

#[test]
fn aliases_cover_the_spellings_the_articles_use() {
    let store = seeds();
    let all_aliases = |name: &str| -> Vec<String> {
        store
            .entries
            .iter()
            .flat_map(|e| e.briefing.actors.iter())
            .filter(|a| a.name == name)
            .flat_map(|a| a.aliases.clone())
            .collect()
    };
    assert!(all_aliases("Kim Jong Un").contains(&"Kim Jong-Un".to_string()));
    assert!(all_aliases("North Korea").contains(&"Pyongyang".to_string()));
    assert!(all_aliases("North Korea").contains(&"DPRK".to_string()));
    assert!(all_aliases("Siegfried Hecker").contains(&"Siegried Hecker".to_string()));
}
