//! The example in docs/briefing-format.md must load cleanly, so the format doc and the loader agree.

use std::fs;
use std::path::Path;

use brief::model::{Qualifier, Stance};
use brief::store::Store;

#[test]
fn the_documented_example_loads_without_any_diagnostic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = fs::read_to_string(root.join("docs/briefing-format.md")).unwrap();
    let start = doc.find("## Example\n\n```toml\n").expect("the doc has an example")
        + "## Example\n\n```toml\n".len();
    let example = &doc[start..start + doc[start..].find("```").unwrap()];

    // Lay out a folder as in the repository: briefings/ beside assets/articles/.
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("briefings")).unwrap();
    fs::create_dir_all(tmp.path().join("assets/articles")).unwrap();
    let article = "2023-11-blinken-seoul.txt";
    fs::copy(root.join("assets/articles").join(article), tmp.path().join("assets/articles").join(article))
        .unwrap();
    fs::write(tmp.path().join("briefings/example.toml"), example).unwrap();

    let store = Store::load(&tmp.path().join("briefings")).unwrap();
    let problems: Vec<String> = store.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(problems, Vec::<String>::new());
    let b = &store.entries[0].briefing;
    assert_eq!(b.figures[0].qualifier, Qualifier::MoreThan);
    assert_eq!(b.figures[0].value, 1_000_000.0);
    assert_eq!(b.claims[0].stance, Stance::Asserts);
    assert_eq!(b.source.published.unwrap().to_string(), "2023-11-09");
    assert!(store.entries[0].article.as_deref().unwrap().contains("Siegried Hecker"));
}
