//! The cost of one frame of the reader: `terminal.draw(|f| view::draw(f, &app))` on ratatui's TestBackend
//! at 200x60, for the largest seed briefing and for a synthetic one with a very long summary and 2,000
//! claims, at the top of a pane and deep in it. A frame should cost the same at any scroll depth.
//! Run: `cargo bench --bench frame` (quicker: `-- --warm-up-time 1 --measurement-time 3`).

#[path = "common/peer.rs"]
mod peer;

use std::hint::black_box;
use std::path::Path;

use brief::model::Briefing;
use brief::store::{Entry, Store};
use brief::tui::app::{Action, App, Pane, update, update_now};
use brief::tui::view::{self, Theme};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
/// Paragraphs in the synthetic summary (each a few hundred bytes: about 0.5 MB in all).
const SUMMARY_PARAGRAPHS: usize = 1_000;
const CLAIMS: usize = 2_000;

fn seeds() -> Store {
    Store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")).expect("seed briefings")
}

/// The seed briefing with the most text.
fn largest(store: &Store) -> usize {
    let size = |b: &Briefing| toml::to_string(b).map_or(0, |t| t.len());
    (0..store.entries.len()).max_by_key(|&i| size(&store.entries[i].briefing)).expect("a briefing")
}

/// A briefing built from the largest seed: its summary repeated (with Korean names and emoji, so wide
/// characters are measured) and its claims cycled to `CLAIMS`; its article is every seed article, 20
/// times over.
fn synthetic(store: &Store) -> Entry {
    let seed = &store.entries[largest(store)];
    let mut b = seed.briefing.clone();
    b.id = "synthetic-long-briefing".into();
    b.title = format!("{} (synthetic, {CLAIMS} claims)", b.title);
    let paragraph = b.summary.split("\n\n").next().unwrap_or_default().trim().to_string();
    b.summary = (0..SUMMARY_PARAGRAPHS)
        .map(|i| {
            format!("{i}. 김정은 위원장과 푸틴 대통령 🚀 (Kim Jong Un and Vladimir Putin) — {paragraph}")
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let claims = std::mem::take(&mut b.claims);
    b.claims = (0..CLAIMS)
        .map(|i| {
            let mut c = claims[i % claims.len()].clone();
            c.id = format!("{}-{i}", c.id);
            c.refs.clear();
            c
        })
        .collect();
    let article: String =
        store.entries.iter().filter_map(|e| e.article.clone()).collect::<Vec<_>>().join("\n");
    Entry { path: seed.path.with_file_name("synthetic.toml"), briefing: b, article: Some(article.repeat(20)) }
}

fn app(store: Store, briefing: usize) -> App {
    let mut app = App::new(store);
    app.theme = Theme::default();
    app.list_selected = briefing;
    update(&mut app, Action::Resize { width: WIDTH, height: HEIGHT });
    update(&mut app, Action::Open);
    app
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal")
}

fn bench_frame(c: &mut Criterion, name: &str, app: &App) {
    let mut terminal = terminal();
    c.bench_function(name, |b| {
        b.iter(|| {
            terminal.draw(|frame| view::draw(frame, black_box(app))).expect("draw");
        })
    });
}

/// Summary at the top, then scrolled past its end (the view shows the last page).
fn summary_frames(c: &mut Criterion, prefix: &str, mut app: App) -> App {
    update(&mut app, Action::ShowPane(Pane::Summary));
    bench_frame(c, &format!("{prefix}/summary_top"), &app);
    update(&mut app, Action::Bottom);
    // Scroll as far as the pane goes, whether or not Bottom reaches the end of the summary.
    for _ in 0..5_000 {
        update(&mut app, Action::PageDown);
    }
    bench_frame(c, &format!("{prefix}/summary_end"), &app);
    app
}

fn claims_frames(c: &mut Criterion, prefix: &str, mut app: App) -> App {
    update(&mut app, Action::ShowPane(Pane::Claims));
    update(&mut app, Action::Top);
    bench_frame(c, &format!("{prefix}/claims_top"), &app);
    update(&mut app, Action::Bottom);
    bench_frame(c, &format!("{prefix}/claims_end"), &app);
    app
}

fn article_frames(c: &mut Criterion, prefix: &str, mut app: App) -> App {
    update(&mut app, Action::Top);
    update(&mut app, Action::OpenArticle);
    update(&mut app, Action::Top);
    bench_frame(c, &format!("{prefix}/article_top"), &app);
    update(&mut app, Action::Bottom);
    bench_frame(c, &format!("{prefix}/article_end"), &app);
    update(&mut app, Action::Back);
    app
}

fn seed_frames(c: &mut Criterion) {
    let store = seeds();
    let briefing = largest(&store);
    let app = app(store, briefing);
    let app = summary_frames(c, "seed", app);
    let app = claims_frames(c, "seed", app);
    article_frames(c, "seed", app);
}

fn long_frames(c: &mut Criterion) {
    let mut store = seeds();
    let entry = synthetic(&store);
    store.entries.push(entry);
    let briefing = store.entries.len() - 1;
    let app = app(store, briefing);
    let app = summary_frames(c, "long", app);
    let mut app = claims_frames(c, "long", app);
    // A key that moves without changing the text: `update` compares the shown text with what it holds.
    update(&mut app, Action::ShowPane(Pane::Summary));
    c.bench_function("long/update_scroll_keys", |b| {
        b.iter(|| {
            update(&mut app, black_box(Action::Down));
            update(&mut app, black_box(Action::Up));
        })
    });
    // A frame after a resize: the one time the text is wrapped again, so it costs more than the others.
    let mut wide = true;
    c.bench_function("long/summary_resize_and_frame", |b| {
        b.iter(|| {
            wide = !wide;
            let width = if wide { WIDTH } else { WIDTH - 1 };
            update(&mut app, Action::Resize { width, height: HEIGHT });
            let mut terminal = Terminal::new(TestBackend::new(width, HEIGHT)).expect("test terminal");
            terminal.draw(|frame| view::draw(frame, black_box(&app))).expect("draw");
        })
    });
    update(&mut app, Action::Resize { width: WIDTH, height: HEIGHT });
    article_frames(c, "long", app);
}

/// The peer: ratatui drawing a screenful of text already wrapped (a bordered paragraph of `HEIGHT - 2`
/// full lines), the least a frame of this size can cost on this backend.
fn floor_frame(c: &mut Criterion) {
    peer::prewrapped_paragraph(c, "floor/prewrapped_paragraph", WIDTH, HEIGHT);
}

/// The search box over the panes, its selection on the last hit listed.
fn search_frame(c: &mut Criterion) {
    let store = seeds();
    let mut app = app(store, 0);
    update(&mut app, Action::Search);
    for c in "shells".chars() {
        update_now(&mut app, Action::SearchInput(c));
    }
    update(&mut app, Action::Bottom);
    bench_frame(c, "seed/search_last_hit", &app);
}

criterion_group!(benches, floor_frame, seed_frames, search_frame, long_frames);
criterion_main!(benches);
