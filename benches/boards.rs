//! The folder-wide boards of the reader over a generated folder of 10,000 briefings (`benches/corpus.rs`,
//! the folder `examples/gen_corpus` writes): what they cost once per load or reload (`Folder::build`),
//! opening each board and moving in it (one `update` each, with what it prepares for drawing), a
//! keystroke in a filter, the timeline's query, and one frame of each board at 200x60 on TestBackend.
//! Run: `cargo bench --bench boards -- --warm-up-time 1 --measurement-time 3`.

mod corpus;

#[path = "common/peer.rs"]
mod peer;

use std::hint::black_box;
use std::path::Path;

use brief::folder::Folder;
use brief::folder::timeline::{self, Selection};
use brief::store::{Entry, Store};
use brief::tui::app::{Action, App, Effect, update};
use brief::tui::boards::Board;
use brief::tui::view::{self, Theme};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const BRIEFINGS: usize = 10_000;
const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

/// The generated folder as the store holds it: newest first, as `Store::load` orders it.
fn store() -> Store {
    let dir = Path::new("generated");
    let mut entries: Vec<Entry> = corpus::corpus(BRIEFINGS)
        .into_iter()
        .map(|briefing| Entry { path: dir.join(format!("{}.toml", briefing.id)), briefing, article: None })
        .collect();
    entries.sort_by(|a, b| {
        let (a, b) = (&a.briefing, &b.briefing);
        b.source.published.cmp(&a.source.published).then_with(|| a.id.cmp(&b.id))
    });
    let mut store = Store::default();
    (store.dir, store.entries) = (dir.to_path_buf(), entries);
    store
}

fn app() -> App {
    let mut app = App::new(store());
    app.theme = Theme::default();
    update(&mut app, Action::Resize { width: WIDTH, height: HEIGHT });
    app
}

/// Applies an action and whatever searches it asks for, run here as the reader's worker runs them.
fn act(app: &mut App, action: Action) {
    if let Some(Effect::Search(requests)) = update(app, action) {
        for request in requests {
            let index = std::sync::Arc::clone(&app.search);
            if let Some(done) = request.run(&index, &|| false) {
                update(app, done);
            }
        }
    }
}

fn name(board: Board) -> String {
    board.title().to_lowercase()
}

fn build(c: &mut Criterion) {
    let app = app();
    let briefings = app.briefings();
    let mut group = c.benchmark_group("10k build");
    group.sample_size(10);
    group.bench_function("folder (every board, once per load or reload)", |b| {
        b.iter(|| Folder::build(black_box(&briefings), &app.xref))
    });
    group.bench_function("timeline of the whole folder", |b| {
        b.iter(|| timeline::build(black_box(&briefings[..]), &Selection::All, &[]))
    });
    group.finish();
}

fn boards(c: &mut Criterion) {
    let mut app = app();
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal");
    let mut group = c.benchmark_group("10k boards");
    for board in Board::ALL {
        let name = name(board);
        // Open and close: the same key twice.
        group.bench_function(format!("{name}/open"), |b| {
            b.iter(|| {
                act(&mut app, Action::ShowBoard(board));
                act(&mut app, Action::ShowBoard(board));
            })
        });
        act(&mut app, Action::ShowBoard(board));
        group.bench_function(format!("{name}/move"), |b| {
            b.iter(|| {
                act(&mut app, black_box(Action::Down));
                act(&mut app, black_box(Action::Up));
            })
        });
        group.bench_function(format!("{name}/page"), |b| {
            b.iter(|| {
                act(&mut app, black_box(Action::PageDown));
                act(&mut app, black_box(Action::PageUp));
            })
        });
        group.bench_function(format!("{name}/frame 200x60"), |b| {
            b.iter(|| {
                terminal.draw(|frame| view::draw(frame, black_box(&app))).expect("draw");
            })
        });
        act(&mut app, Action::ShowBoard(board));
    }
    // The right column of the two-column boards: an actor's claims, a counted thing's values.
    for board in [Board::Figures, Board::Actors] {
        act(&mut app, Action::ShowBoard(board));
        act(&mut app, Action::FocusDetail);
        group.bench_function(format!("{}/move in the right column", name(board)), |b| {
            b.iter(|| {
                act(&mut app, black_box(Action::Down));
                act(&mut app, black_box(Action::Up));
            })
        });
        group.bench_function(format!("{}/frame 200x60, right column", name(board)), |b| {
            b.iter(|| {
                terminal.draw(|frame| view::draw(frame, black_box(&app))).expect("draw");
            })
        });
        act(&mut app, Action::Back);
        act(&mut app, Action::ShowBoard(board));
    }
    // A keystroke in a filter, and taking it back.
    for board in [Board::Questions, Board::Actors, Board::Sources] {
        act(&mut app, Action::ShowBoard(board));
        act(&mut app, Action::Filter);
        act(&mut app, Action::SearchInput('o'));
        group.bench_function(format!("{}/filter keystroke", name(board)), |b| {
            b.iter(|| {
                act(&mut app, black_box(Action::SearchInput('r')));
                act(&mut app, black_box(Action::SearchDelete));
            })
        });
        act(&mut app, Action::Back);
        act(&mut app, Action::Back);
    }
    // The timeline's query: the search (on the worker in the reader) and the timeline of its hits.
    act(&mut app, Action::ShowBoard(Board::Timeline));
    act(&mut app, Action::Filter);
    for c in "shell".chars() {
        act(&mut app, Action::SearchInput(c));
    }
    group.bench_function("timeline/query keystroke (search and rebuild)", |b| {
        b.iter(|| {
            act(&mut app, black_box(Action::SearchInput('s')));
            act(&mut app, black_box(Action::SearchDelete));
        })
    });
    group.finish();
}

/// The peer: ratatui drawing a screenful of text already wrapped (a bordered paragraph of `HEIGHT - 2`
/// full lines), the least a frame of this size costs on this backend (as in `benches/frame.rs`).
fn floor_frame(c: &mut Criterion) {
    peer::prewrapped_paragraph(c, "10k boards/floor: prewrapped paragraph (peer)", WIDTH, HEIGHT);
}

criterion_group!(benches, floor_frame, boards, build);
criterion_main!(benches);
