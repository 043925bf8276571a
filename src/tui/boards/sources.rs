//! The sources board: the outlets and the claimants of the folder with the Admiralty grades their
//! claims were given, how many claims each carries and how many of those other briefings corroborate
//! or contradict. `s` sorts, `c` shows outlets, claimants or both, `f` filters by name; `Enter` opens a
//! claimant on the actors board, or shows an outlet's claims on the timeline.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;

use super::{Board, Input, Movement, fold, matches, moved};
use crate::folder::sources::{Source, SourceKind};
use crate::tui::app::App;
use crate::tui::view;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    Claims,
    Corroborated,
    Contradicted,
    /// The best reliability grade first.
    Reliability,
    Name,
}

#[derive(Debug, Default)]
pub struct State {
    /// The sources shown (positions in `App::folder.sources`), after the filters, in the order chosen.
    pub rows: Vec<usize>,
    pub selected: usize,
    pub kind: Option<SourceKind>,
    pub order: Order,
    pub filter: Input,
}

fn source(app: &App) -> Option<&Source> {
    let state = &app.boards.sources;
    state.rows.get(state.selected).map(|&i| &app.folder.sources[i])
}

pub fn refresh(app: &mut App) {
    let words = app.boards.sources.filter.words();
    let state = &mut app.boards.sources;
    let sources = &app.folder.sources;
    let before = state.rows.get(state.selected).copied();
    state.rows = (sources.iter().enumerate())
        .filter(|(_, s)| state.kind.is_none_or(|k| s.kind == k))
        .filter(|(_, s)| words.is_empty() || matches(&fold(&s.name), &words))
        .map(|(i, _)| i)
        .collect();
    let best_grade = |s: &Source| s.reliability.iter().position(|&n| n > 0).unwrap_or(6);
    match state.order {
        Order::Claims => {}
        Order::Corroborated => state.rows.sort_by_key(|&i| std::cmp::Reverse(sources[i].corroborated)),
        Order::Contradicted => state.rows.sort_by_key(|&i| std::cmp::Reverse(sources[i].contradicted)),
        Order::Reliability => state.rows.sort_by_key(|&i| best_grade(&sources[i])),
        Order::Name => state.rows.sort_by_cached_key(|&i| fold(&sources[i].name)),
    }
    let now = before.and_then(|s| state.rows.iter().position(|&r| r == s));
    state.selected = now.unwrap_or(0).min(state.rows.len().saturating_sub(1));
}

pub fn step(app: &mut App, movement: Movement) {
    let state = &mut app.boards.sources;
    state.selected = moved(state.selected, state.rows.len(), movement);
}

pub fn cycle(app: &mut App) {
    let state = &mut app.boards.sources;
    (state.kind, app.status) = match state.kind {
        None => (Some(SourceKind::Outlet), "outlets only".into()),
        Some(SourceKind::Outlet) => (Some(SourceKind::Claimant), "claimants only".into()),
        Some(SourceKind::Claimant) => (None, "outlets and claimants".into()),
    };
    refresh(app);
}

pub fn sort(app: &mut App) {
    let state = &mut app.boards.sources;
    (state.order, app.status) = match state.order {
        Order::Claims => (Order::Corroborated, "the most corroborated first".into()),
        Order::Corroborated => (Order::Contradicted, "the most contradicted first".into()),
        Order::Contradicted => (Order::Reliability, "the best reliability grade first".into()),
        Order::Reliability => (Order::Name, "by name".into()),
        Order::Name => (Order::Claims, "the most claims first".into()),
    };
    refresh(app);
}

/// Enter: a claimant that is an actor of the folder opens on the actors board; any other source shows
/// its claims on the timeline.
pub fn open(app: &mut App) {
    let Some(source) = source(app) else { return };
    let (kind, group, name) = (source.kind, source.group, source.name.clone());
    if kind == SourceKind::Claimant && group.is_some_and(|g| super::actors::select_group(app, g)) {
        super::show(app, Board::Actors);
        return;
    }
    let what = match kind {
        SourceKind::Outlet => format!("carried by {name}"),
        SourceKind::Claimant => format!("made by {name}"),
    };
    super::timeline::show_items(app, what, super::timeline::Of::Source(kind, name));
}

pub fn click(app: &mut App, _column: u16, row: u16) {
    let area = super::body(app.viewport);
    let state = &app.boards.sources;
    if let Some(i) = super::row_at(area, row, state.selected, state.rows.len(), 1) {
        app.boards.sources.selected = i;
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let state = &app.boards.sources;
    let sources = &app.folder.sources;
    let kind = match state.kind {
        None => "",
        Some(SourceKind::Outlet) => "outlets",
        Some(SourceKind::Claimant) => "claimants",
    };
    let order = match state.order {
        Order::Claims => "",
        Order::Corroborated => "most corroborated",
        Order::Contradicted => "most contradicted",
        Order::Reliability => "best reliability",
        Order::Name => "by name",
    };
    let count = match state.rows.len() {
        n if n == sources.len() => format!("Sources {n}"),
        n => format!("Sources {n}/{}", sources.len()),
    };
    // A folder too large to compare every claim with every other: some counts are lower bounds.
    let partial =
        if sources.iter().any(|s| s.incomplete > 0) { "+: at least (compared in part)" } else { "" };
    let block = view::block(super::title(&[&count, kind, order, partial]), true, app.theme);
    let block = super::with_filter(block, app, &state.filter);
    let empty =
        if sources.is_empty() { "No claims in this folder, so no sources." } else { "No source matches." };
    let widths = [
        Constraint::Length(8),
        Constraint::Fill(1),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(6),
        Constraint::Length(7),
        Constraint::Length(7),
    ];
    super::table(
        frame,
        app,
        area,
        block,
        &["Kind", "Name", "Rel.", "Cred.", "Claims", "Corrob.", "Contra."],
        &widths,
        (state.rows.len(), state.selected, true),
        empty,
        &|i| {
            let s = &sources[state.rows[i]];
            let kind = match s.kind {
                SourceKind::Outlet => "outlet",
                SourceKind::Claimant => "claimant",
            };
            let style = if s.contradicted > 0 && s.contradicted * 2 >= s.claims {
                app.theme.warn()
            } else {
                Style::new()
            };
            let cells = vec![
                kind.to_string(),
                s.name.clone(),
                s.reliability_range(),
                s.credibility_range(),
                format!("{:>6}", s.claims),
                format!("{:>7}", at_least(s.corroborated, s.incomplete)),
                format!("{:>7}", at_least(s.contradicted, s.incomplete)),
            ];
            (cells, style)
        },
    );
}

/// A count, with "+" when some of the claims it counts were not compared with every other.
fn at_least(count: u32, incomplete: u32) -> String {
    if incomplete > 0 { format!("{count}+") } else { count.to_string() }
}
