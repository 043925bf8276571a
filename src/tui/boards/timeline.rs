//! The timeline: the folder's briefings and their claims month by month, oldest first, so that the
//! assertions and denials of one thing are read in the order they were made. `f` filters by a search
//! query (the search box's language: `DPRK`, `"artillery shells" -grain`, `outlet:reuters`); `T` on the
//! actors board shows one actor (the briefings it appears in, the claims it makes and those naming
//! it), `Enter` on the sources board one source's claims; `c` keeps only assertions and denials.
//! `Enter` goes to a briefing or claim.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::actors::{Strip, draw_strip};
use super::{Input, Movement, moved};
use crate::folder::sources::SourceKind;
use crate::folder::timeline::{self, Row, Selection, Timeline};
use crate::folder::{Folder, Month};
use crate::model::{ItemRef, Stance};
use crate::search::{Ranking, Target};
use crate::tui::app::{App, SearchFor, SearchRequest};
use crate::tui::view;
use crate::xref::ItemAt;

/// What the timeline shows besides a typed query.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Scope {
    #[default]
    Folder,
    /// The items of one actor or source, said as "North Korea" / "carried by Reuters".
    Items { what: String, of: Of, briefings: Vec<usize>, claims: Vec<ItemAt> },
}

/// Whose items a scope holds, to find them again in the folder after a reload.
#[derive(Debug, Clone, PartialEq)]
pub enum Of {
    /// An actor, by its name in the folder.
    Actor(String),
    Source(SourceKind, String),
}

impl Scope {
    /// The items of `of` in `folder` as it is now, or the whole folder when it has none any more.
    fn of(folder: &Folder, what: String, of: Of) -> Scope {
        let items = match &of {
            Of::Actor(name) => folder
                .actors
                .iter()
                .find(|a| a.name == *name)
                .map(|a| (a.briefings.clone(), a.claims.iter().chain(a.about.iter()).collect())),
            Of::Source(kind, name) => folder
                .sources
                .iter()
                .find(|s| s.kind == *kind && s.name == *name)
                .map(|s| (Vec::new(), s.items.iter().collect())),
        };
        match items {
            Some((briefings, claims)) => Scope::Items { what, of, briefings, claims },
            None => Scope::Folder,
        }
    }
}

#[derive(Debug, Default)]
pub struct State {
    pub scope: Scope,
    /// A search query: when it is not empty, the timeline shows its hits instead of the scope.
    pub filter: Input,
    /// Only assertions and denials.
    pub stances_only: bool,
    pub timeline: Timeline,
    /// Whether `timeline` was made since the folder was last loaded.
    built: bool,
    pub selected: usize,
    /// Why the query does not parse, while it does not.
    pub error: Option<String>,
    /// The query's hits, once the search worker has found them, with the query they are of.
    hits: Option<(String, Selection)>,
    /// The search asked for and not yet answered: taken by `update` (see [`super::requests`]) for the
    /// event loop's worker; `pending` is its number while it runs.
    pub request: Option<SearchRequest>,
    pending: Option<u64>,
    pub strip: Strip,
}

const ASSERTIONS_AND_DENIALS: [Stance; 2] = [Stance::Asserts, Stance::Denies];

/// Makes the timeline if the folder changed since it was last made (on opening the board).
pub fn ensure(app: &mut App) {
    if !app.boards.timeline.built {
        refresh(app);
    }
}

/// The folder was loaded again: the timeline is made again when next shown, an actor's or a source's
/// items found again by its name (the positions held are the old folder's), the query searched again.
pub fn reload(app: &mut App) {
    let state = &mut app.boards.timeline;
    (state.built, state.hits, state.pending) = (false, None, None);
    if let Scope::Items { what, of, .. } = std::mem::take(&mut state.scope) {
        state.scope = Scope::of(&app.folder, what, of);
    }
    if app.boards.open == Some(super::Board::Timeline) {
        refresh(app);
    }
}

/// Shows the timeline of an actor's or a source's items, said as `what`.
pub fn show_items(app: &mut App, what: String, of: Of) {
    let state = &mut app.boards.timeline;
    state.scope = Scope::of(&app.folder, what, of);
    state.filter = Input::default();
    state.selected = 0;
    refresh(app);
    app.boards.open = Some(super::Board::Timeline);
}

/// Makes the timeline of the current scope and stances, or of the query's hits: found already, or asked
/// of the search worker (the timeline shown stays until they come, as it does while a query does not
/// parse: the user may be mid-phrase). Keeps the selected row when it is still there.
pub fn refresh(app: &mut App) {
    let query = app.boards.timeline.filter.text.trim().to_string();
    let selection = if query.is_empty() {
        match &app.boards.timeline.scope {
            Scope::Folder => Selection::All,
            Scope::Items { briefings, claims, .. } => {
                Selection::Only { briefings: briefings.clone(), claims: claims.clone() }
            }
        }
    } else if let Some((_, hits)) = app.boards.timeline.hits.as_ref().filter(|(q, _)| *q == query) {
        hits.clone()
    } else {
        match app.search.parse(&query) {
            Ok(parsed) => {
                let id = app.next_search();
                let state = &mut app.boards.timeline;
                (state.error, state.pending) = (None, Some(id));
                state.request = Some(SearchRequest { id, purpose: SearchFor::Timeline, query: parsed });
            }
            Err(e) => app.boards.timeline.error = Some(e.to_string()),
        }
        if app.boards.timeline.built {
            return;
        }
        // Nothing shown yet: the whole scope until the hits come.
        Selection::All
    };
    app.boards.timeline.error = None;
    show(app, &selection);
}

/// The search worker found the query's hits: the timeline shows them, if they are the ones waited for.
pub fn searched(app: &mut App, id: u64, ranking: &Ranking) {
    if app.boards.timeline.pending != Some(id) {
        return;
    }
    let (mut briefings, mut claims) = (Vec::new(), Vec::new());
    for hit in &ranking.hits {
        match app.search.target(hit) {
            Target::Item(item @ ItemRef::Claim(_)) => claims.push(ItemAt { briefing: hit.briefing, item }),
            // A hit on the briefing itself or another item shows the briefing.
            _ => briefings.push(hit.briefing),
        }
    }
    let selection = Selection::Only { briefings, claims };
    let query = app.boards.timeline.filter.text.trim().to_string();
    app.boards.timeline.pending = None;
    show(app, &selection);
    app.boards.timeline.hits = Some((query, selection));
}

/// Makes the timeline of `selection` with the stances chosen.
fn show(app: &mut App, selection: &Selection) {
    let state = &app.boards.timeline;
    let stances: &[Stance] = if state.stances_only { &ASSERTIONS_AND_DENIALS } else { &[] };
    let made = timeline::build(&app.folder.labels, selection, stances);
    let state = &mut app.boards.timeline;
    let before = state.timeline.rows.get(state.selected);
    state.timeline = made;
    state.built = true;
    let now = before.and_then(|row| state.timeline.rows.iter().position(|r| r == row));
    state.selected = now.unwrap_or(0);
    state.strip = Strip::default();
}

/// Makes the strip of months for the timeline shown and the terminal's width, when either changed.
pub fn prepare(app: &mut App) {
    let state = &mut app.boards.timeline;
    let width = usize::from(app.viewport.0.saturating_sub(2));
    if state.strip.width == width && state.strip.of == Some(0) {
        return;
    }
    let months: Vec<(Month, u32)> =
        state.timeline.months.iter().filter_map(|m| Some((m.month?, m.claims + m.briefings))).collect();
    state.strip = Strip { of: Some(0), ..Strip::new(&months, width) };
}

pub fn step(app: &mut App, movement: Movement) {
    let state = &mut app.boards.timeline;
    state.selected = moved(state.selected, state.timeline.rows.len(), movement);
}

pub fn cycle(app: &mut App) {
    let state = &mut app.boards.timeline;
    state.stances_only = !state.stances_only;
    app.status = if state.stances_only { "assertions and denials only".into() } else { "every claim".into() };
    refresh(app);
}

/// Esc with no query: back from an actor's or a source's timeline to the whole folder's; returns
/// whether it did.
pub fn back(app: &mut App) -> bool {
    if app.boards.timeline.scope == Scope::Folder {
        return false;
    }
    app.boards.timeline.scope = Scope::Folder;
    refresh(app);
    true
}

fn row(app: &App) -> Option<Row> {
    let state = &app.boards.timeline;
    state.timeline.rows.get(state.selected)
}

pub fn selected_item(app: &App) -> Option<ItemAt> {
    match row(app)? {
        Row::Claim(at) => Some(at),
        _ => None,
    }
}

pub fn open(app: &mut App) {
    match row(app) {
        Some(Row::Claim(at)) => app.jump(at),
        Some(Row::Briefing(b)) => app.jump_to(b, Target::Overview),
        _ => {}
    }
}

/// The strip of months over the list of rows.
pub fn layout(body: Rect) -> (Rect, Rect) {
    let strip = if body.height >= 12 { 4 } else { 0 };
    let [strip, rows] = Layout::vertical([Constraint::Length(strip), Constraint::Min(0)]).areas(body);
    (strip, rows)
}

pub fn click(app: &mut App, _column: u16, row: u16) {
    let (_, rows) = layout(super::body(app.viewport));
    let state = &app.boards.timeline;
    if let Some(i) = super::row_at(rows, row, state.selected, state.timeline.rows.len(), 0) {
        app.boards.timeline.selected = i;
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let (strip_area, rows_area) = layout(area);
    let state = &app.boards.timeline;
    let t = &state.timeline;
    let shown = match (&state.scope, state.filter.text.trim().is_empty()) {
        (_, false) => format!("matching {}", state.filter.text.trim()),
        (Scope::Folder, true) => "the whole folder".to_string(),
        (Scope::Items { what, .. }, true) => what.clone(),
    };
    let counts = format!("{} briefings, {} claims", t.briefings(), t.claims());
    let stances = if state.stances_only { "assertions and denials" } else { "" };
    if strip_area.height > 0 {
        draw_strip(frame, app, &state.strip, "Briefings and claims by month", strip_area);
    }
    let block = view::block(super::title(&["Timeline", &shown, &counts, stances]), true, app.theme);
    let mut block = super::with_filter(block, app, &state.filter);
    if let Some(error) = &state.error {
        block = block.title_bottom(Line::styled(format!(" {error} "), app.theme.warn()));
    }
    let empty =
        if app.folder.labels.is_empty() { "No briefings in this folder." } else { "Nothing matches." };
    super::list(frame, app, rows_area, block, (t.rows.len(), state.selected, true), empty, &|i, width| {
        t.rows.get(i).map_or_else(Line::default, |row| line(app, row, t, width))
    });
}

fn line(app: &App, row: Row, t: &Timeline, width: usize) -> Line<'static> {
    match row {
        Row::Month(month) => {
            let count = t.months.iter().find(|m| m.month == month);
            let (b, c) = count.map_or((0, 0), |m| (m.briefings, m.claims));
            let name = month.map_or("undated".to_string(), |m| m.to_string());
            super::cut(&format!("{name} — {b} briefing(s), {c} claim(s)"), width, app.theme.heading())
        }
        Row::Briefing(index) => {
            let labels = &app.folder.labels;
            let date = labels.published(index).map_or(String::new(), |d| format!("{d} "));
            let text = format!("  ▸ {date}{} — {}", labels.title(index), labels.outlet(index));
            super::cut(&text, width, Style::new())
        }
        Row::Claim(at) => {
            let Some(claim) = app.folder.labels.claim(at) else { return Line::default() };
            let style = if claim.stance == Stance::Denies { app.theme.warn() } else { Style::new() };
            let text = format!("      {:<9} {}: {}", claim.stance.to_string(), claim.claimant, claim.text);
            Line::from(Span::styled(super::super::panes::list::truncate(&text, width), style))
        }
    }
}
