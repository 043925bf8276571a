//! The folder-wide boards — Figures, Questions, Actors, Timeline, Sources — each one key away (`F` `Q`
//! `A` `T` `S`, or a click on its name in the title bar), shown over the list and the panes.
//!
//! Their data is the folder's (`crate::folder`, computed once per load or reload and kept in
//! `App::folder`). A board keeps here only its cursor, its filters and what it prepares for drawing (a
//! wrapped detail box, a chart's points, the timeline's rows), brought up to date by [`prepare`], which
//! `update` calls after every action; drawing borrows. This file routes actions to the open board and
//! holds what the boards share; each board is one file.

pub mod actors;
pub mod figures;
pub mod questions;
pub mod sources;
pub mod timeline;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{Action, App, Effect, Overlay, XrefView};
use super::panes::list::truncate;
pub use super::panes::table;
use super::view;
use super::wrap::WrappedText;
use crate::xref::ItemAt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Board {
    Figures,
    Questions,
    Actors,
    Timeline,
    Sources,
}

impl Board {
    pub const ALL: [Board; 5] =
        [Board::Figures, Board::Questions, Board::Actors, Board::Timeline, Board::Sources];

    /// The board's name; its first letter is its key.
    pub fn title(self) -> &'static str {
        match self {
            Board::Figures => "Figures",
            Board::Questions => "Questions",
            Board::Actors => "Actors",
            Board::Timeline => "Timeline",
            Board::Sources => "Sources",
        }
    }

    fn step(self, forward: bool) -> Board {
        let i = Board::ALL.iter().position(|b| *b == self).unwrap_or(0);
        let len = Board::ALL.len();
        Board::ALL[if forward { (i + 1) % len } else { (i + len - 1) % len }]
    }
}

/// Which board is open, and every board's state (kept while another is shown).
#[derive(Debug, Default)]
pub struct Boards {
    pub open: Option<Board>,
    pub figures: figures::State,
    pub questions: questions::State,
    pub actors: actors::State,
    pub timeline: timeline::State,
    pub sources: sources::State,
}

impl Boards {
    /// Whether keys go into the open board's filter.
    pub fn typing(&self) -> bool {
        self.open.is_some_and(|b| self.filter(b).typing)
    }

    pub fn filter(&self, board: Board) -> &Input {
        match board {
            Board::Figures => &self.figures.filter,
            Board::Questions => &self.questions.filter,
            Board::Actors => &self.actors.filter,
            Board::Timeline => &self.timeline.filter,
            Board::Sources => &self.sources.filter,
        }
    }

    fn filter_mut(&mut self, board: Board) -> &mut Input {
        match board {
            Board::Figures => &mut self.figures.filter,
            Board::Questions => &mut self.questions.filter,
            Board::Actors => &mut self.actors.filter,
            Board::Timeline => &mut self.timeline.filter,
            Board::Sources => &mut self.sources.filter,
        }
    }
}

/// A filter typed as you go.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    pub text: String,
    /// Whether keys go into it now.
    pub typing: bool,
}

impl Input {
    /// Applies a typing action (a character, delete, clear): `None` when `action` is not one, else
    /// whether the text changed.
    pub fn edit(&mut self, action: &Action) -> Option<bool> {
        match action {
            Action::SearchInput(c) => {
                self.text.push(*c);
                Some(true)
            }
            Action::SearchDelete => Some(self.text.pop().is_some()),
            Action::SearchClear => Some(!std::mem::take(&mut self.text).is_empty()),
            _ => None,
        }
    }

    /// The words to look for, folded (see [`fold`]).
    pub fn words(&self) -> Vec<String> {
        crate::folder::filter_words(&self.text)
    }
}

pub use crate::folder::{fold, matches};

/// The body of the screen, between the title bar and the status bar: where a board is drawn.
pub fn body((width, height): (u16, u16)) -> Rect {
    Rect::new(0, 1, width, height.saturating_sub(2))
}

/// The boards' names as drawn at the right of the title bar, with the columns each covers, in a
/// terminal `width` wide: what drawing and clicks share.
pub fn tabs(width: u16) -> Vec<(Board, u16, String)> {
    let labels: Vec<String> = Board::ALL.iter().map(|b| format!(" {} ", b.title())).collect();
    let total: u16 = labels.iter().map(|l| l.width() as u16).sum();
    let mut x = width.saturating_sub(total);
    Board::ALL
        .iter()
        .zip(labels)
        .map(|(&board, label)| {
            let at = x;
            x += label.width() as u16;
            (board, at, label)
        })
        .collect()
}

/// The board whose name covers a cell of the title bar.
pub fn tab_at(viewport: (u16, u16), column: u16, row: u16) -> Option<Board> {
    if row != 0 {
        return None;
    }
    tabs(viewport.0)
        .into_iter()
        .find(|(_, x, label)| (*x..*x + label.width() as u16).contains(&column))
        .map(|(b, ..)| b)
}

/// Opens a board (or, when it is the open one, closes it).
pub fn show(app: &mut App, board: Board) {
    if app.boards.open == Some(board) {
        app.boards.open = None;
        return;
    }
    if app.still_indexing("the boards open") {
        return;
    }
    app.boards.open = Some(board);
    app.status = counted(app, board);
    if board == Board::Timeline {
        timeline::ensure(app);
    }
}

/// What the status bar says as a board opens: "35 counted things".
pub fn counted(app: &App, board: Board) -> String {
    match board {
        Board::Figures => format!("{} counted things", app.folder.figures.len()),
        Board::Questions => format!("{} questions", app.folder.questions.len()),
        Board::Actors => format!("{} actors", app.folder.actors.len()),
        Board::Timeline => String::new(),
        Board::Sources => format!("{} sources", app.folder.sources.len()),
    }
}

/// The open board's answer to an action: `None` when the board leaves it to the reader (quit, help,
/// search, resize, reloads ...), else the effect it asks for, if any.
pub fn apply(app: &mut App, action: &Action) -> Option<Option<Effect>> {
    let board = app.boards.open?;
    if app.boards.typing() {
        let input = app.boards.filter_mut(board);
        match (input.edit(action), action) {
            (Some(changed), _) => {
                if changed {
                    refilter(app, board);
                }
                return Some(None);
            }
            (None, Action::Open) => {
                input.typing = false;
                return Some(None);
            }
            (None, Action::Back) => {
                input.typing = false;
                if !std::mem::take(&mut input.text).is_empty() {
                    refilter(app, board);
                }
                return Some(None);
            }
            _ => {}
        }
    }
    if let Some(delta) = movement(action, page(app)) {
        match board {
            Board::Figures => figures::step(app, delta),
            Board::Questions => questions::step(app, delta),
            Board::Actors => actors::step(app, delta),
            Board::Timeline => timeline::step(app, delta),
            Board::Sources => sources::step(app, delta),
        }
        return Some(None);
    }
    match action {
        // T over an actor or a source shows its timeline.
        Action::ShowBoard(Board::Timeline) if board == Board::Actors => actors::timeline(app),
        Action::ShowBoard(Board::Timeline) if board == Board::Sources => sources::open(app),
        Action::ShowBoard(b) => show(app, *b),
        Action::NextPane | Action::PrevPane => {
            show(app, board.step(*action == Action::NextPane));
        }
        Action::Back => {
            let input = app.boards.filter_mut(board);
            if !input.text.is_empty() {
                input.text.clear();
                refilter(app, board);
            } else if !match board {
                Board::Figures => figures::back(app),
                Board::Actors => actors::back(app),
                Board::Timeline => timeline::back(app),
                _ => false,
            } {
                app.boards.open = None;
            }
        }
        Action::Filter => {
            app.boards.filter_mut(board).typing = true;
            app.status = format!("type to filter; {}", super::keymap::filter_hint());
        }
        Action::Open => match board {
            Board::Figures => figures::open(app),
            Board::Questions => questions::open(app),
            Board::Actors => actors::open(app),
            Board::Timeline => timeline::open(app),
            Board::Sources => sources::open(app),
        },
        Action::Cycle => match board {
            Board::Figures => figures::cycle(app),
            Board::Questions => questions::cycle(app),
            Board::Actors => actors::cycle(app),
            Board::Timeline => timeline::cycle(app),
            Board::Sources => sources::cycle(app),
        },
        Action::Sort => match board {
            Board::Actors => actors::sort(app),
            Board::Sources => sources::sort(app),
            _ => app.status = format!("the {} board has one order", board.title()),
        },
        Action::FocusList | Action::FocusDetail => {
            let right = *action == Action::FocusDetail;
            match board {
                Board::Figures => figures::column(app, right),
                Board::Actors => actors::column(app, right),
                Board::Questions if right => questions::follow(app),
                _ => {}
            }
        }
        Action::CrossReference => match selected_item(app, board) {
            // Working from the cache, the links are worked out off the loop, as the reader's x does.
            Some(from) if app.from_cache() => {
                app.status = "finding related items…".into();
                return Some(Some(Effect::Links { from, generation: app.generation() }));
            }
            Some(from) => {
                let links = app.xref.related(from);
                app.status = format!("{} related item(s)", links.len());
                app.overlay = Some(Overlay::Xref(XrefView::new(from, links)));
            }
            None => app.status = "select a figure, question or claim to cross-reference".into(),
        },
        Action::ShowPane(_) => {
            // The panes are the reader's: leave the board for them.
            app.boards.open = None;
            return None;
        }
        Action::Click { column, row } => {
            if let Some(b) = tab_at(app.viewport, *column, *row) {
                show(app, b);
            } else {
                let (column, row) = (*column, *row);
                match board {
                    Board::Figures => figures::point(app, column, row, true),
                    Board::Questions => questions::click(app, column, row),
                    Board::Actors => actors::point(app, column, row, true),
                    Board::Timeline => timeline::click(app, column, row),
                    Board::Sources => sources::click(app, column, row),
                }
            }
        }
        Action::Wheel { column, row, down } => {
            // The wheel moves the side under it.
            match board {
                Board::Figures => figures::point(app, *column, *row, false),
                Board::Actors => actors::point(app, *column, *row, false),
                _ => {}
            }
            return apply(app, if *down { &Action::Down } else { &Action::Up });
        }
        Action::DetailDown | Action::DetailUp => {
            let down = *action == Action::DetailDown;
            match board {
                Board::Questions => questions::scroll(app, down),
                Board::Actors => actors::scroll(app, down),
                _ => {}
            }
        }
        Action::Export | Action::Edit | Action::OpenArticle => {
            app.status = "Enter goes to the selected item's briefing, Esc leaves the board".into();
        }
        _ => return None,
    }
    Some(None)
}

/// Rows a page moves in a board.
fn page(app: &App) -> usize {
    usize::from(app.viewport.1.saturating_sub(8)).max(1)
}

/// How a movement action moves a cursor: by rows (`Ok`), or to the first or last row (`Err(false)`,
/// `Err(true)`); `None` for any other action.
pub type Movement = Result<isize, bool>;

fn movement(action: &Action, page: usize) -> Option<Movement> {
    let page = page as isize;
    Some(match action {
        Action::Down => Ok(1),
        Action::Up => Ok(-1),
        Action::PageDown => Ok(page),
        Action::PageUp => Ok(-page),
        Action::HalfPageDown => Ok(page / 2),
        Action::HalfPageUp => Ok(-(page / 2)),
        Action::Top => Err(false),
        Action::Bottom => Err(true),
        _ => return None,
    })
}

/// A cursor over `len` rows after a movement.
pub fn moved(selected: usize, len: usize, movement: Movement) -> usize {
    match (len, movement) {
        (0, _) => 0,
        (_, Err(false)) => 0,
        (_, Err(true)) => len - 1,
        (_, Ok(delta)) => selected.saturating_add_signed(delta).min(len - 1),
    }
}

/// The cursor of a board in two columns: a row of the list on the left, and an entry of that row's own
/// list on the right (a counted thing's values, an actor's claims), with which side has it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub row: usize,
    pub entry: usize,
    pub right: bool,
}

impl Cursor {
    /// After the rows were worked out again: `now` is where the selected row is among them, if it still
    /// is; `entries` counts the entries of a row.
    pub fn refit(&mut self, now: Option<usize>, rows: usize, entries: impl Fn(usize) -> usize) {
        if now.is_none() {
            self.entry = 0;
        }
        self.row = now.unwrap_or(0).min(rows.saturating_sub(1));
        let len = if rows == 0 { 0 } else { entries(self.row) };
        self.entry = self.entry.min(len.saturating_sub(1));
        self.right &= len > 0;
    }

    /// Moves in the side that has the cursor; another row starts at its first entry.
    pub fn step(&mut self, movement: Movement, rows: usize, entries: usize) {
        if self.right {
            self.entry = moved(self.entry, entries, movement);
        } else {
            self.select(moved(self.row, rows, movement));
        }
    }

    fn select(&mut self, row: usize) {
        if row != self.row {
            self.entry = 0;
        }
        self.row = row;
    }

    /// Moves to the right side (when the row has entries) or the left.
    pub fn column(&mut self, right: bool, entries: usize) {
        self.right = right && entries > 0;
    }

    /// Esc on the right side goes back to the left; returns whether it did.
    pub fn back(&mut self) -> bool {
        std::mem::take(&mut self.right)
    }

    /// A click (`select`) or the wheel (not `select`) on a screen cell: over the `left` list (`rows`
    /// long) or the `right` one (`entries` long, under `header` rows), the cursor goes to that side, and
    /// a click to the row or entry under it.
    pub fn point(
        &mut self,
        at: Position,
        (left, rows): (Rect, usize),
        (right, entries, header): (Rect, usize, u16),
        select: bool,
    ) {
        if left.contains(at) {
            self.right = false;
            if let Some(i) = row_at(left, at.y, self.row, rows, 0).filter(|_| select) {
                self.select(i);
            }
        } else if right.contains(at) {
            self.column(true, entries);
            if let Some(i) = row_at(right, at.y, self.entry, entries, header).filter(|_| select) {
                self.entry = i;
            }
        }
    }
}

/// The filter changed: the board works out its rows again.
fn refilter(app: &mut App, board: Board) {
    match board {
        Board::Figures => figures::refresh(app),
        Board::Questions => questions::refresh(app),
        Board::Actors => actors::refresh(app),
        Board::Timeline => timeline::refresh(app),
        Board::Sources => sources::refresh(app),
    }
}

/// After a load or reload: every board works out its rows from the new folder, keeping its place as
/// far as the rows allow.
pub fn reset(app: &mut App) {
    questions::forget(app);
    figures::refresh(app);
    questions::refresh(app);
    actors::refresh(app);
    sources::refresh(app);
    timeline::reload(app);
}

/// A search a board asked for (the timeline's query), for `update` to hand to the event loop's worker.
pub fn requests(app: &mut App) -> Option<super::app::SearchRequest> {
    app.boards.timeline.request.take()
}

/// The item the open board has selected, for the cross-reference overlay.
pub fn selected_item(app: &App, board: Board) -> Option<ItemAt> {
    match board {
        Board::Figures => figures::selected_item(app),
        Board::Questions => questions::selected_item(app),
        Board::Actors => actors::selected_item(app),
        Board::Timeline => timeline::selected_item(app),
        Board::Sources => None,
    }
}

/// Brings what the open board draws up to date (wrapped text, a chart's points); `update` calls it
/// after every action, and each board redoes only what changed.
pub fn prepare(app: &mut App) {
    match app.boards.open {
        Some(Board::Figures) => figures::prepare(app),
        Some(Board::Questions) => questions::prepare(app),
        Some(Board::Actors) => actors::prepare(app),
        Some(Board::Timeline) => timeline::prepare(app),
        _ => {}
    }
}

pub fn draw(frame: &mut Frame, app: &App, board: Board, area: Rect) {
    match board {
        Board::Figures => figures::draw(frame, app, area),
        Board::Questions => questions::draw(frame, app, area),
        Board::Actors => actors::draw(frame, app, area),
        Board::Timeline => timeline::draw(frame, app, area),
        Board::Sources => sources::draw(frame, app, area),
    }
}

/// The boards' names for the title bar, the open one highlighted, the key letter of each marked.
pub fn draw_tabs(frame: &mut Frame, app: &App, area: Rect) {
    for (board, x, label) in tabs(area.width) {
        let style = if app.boards.open == Some(board) { app.theme.selected() } else { Style::new() };
        let (key, rest) = label.trim().split_at(1);
        let line = Line::from(vec![
            Span::styled(" ", style),
            Span::styled(key.to_string(), style.patch(app.theme.accent())),
            Span::styled(format!("{rest} "), style),
        ]);
        let width = label.width() as u16;
        frame.render_widget(Paragraph::new(line), Rect::new(area.x + x, area.y, width, 1));
    }
}

/// The title of a board's box: its name, counts and the keys that change it.
pub fn title(parts: &[&str]) -> String {
    format!(" {} ", parts.iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join(" · "))
}

/// A board's box with its filter, while it has one, in its bottom border: "filter: shells█".
pub fn with_filter(block: Block<'static>, app: &App, input: &Input) -> Block<'static> {
    if !input.typing && input.text.is_empty() {
        return block;
    }
    let cursor = if input.typing { "█" } else { "" };
    block.title_bottom(Line::from(vec![
        Span::styled(" filter: ", app.theme.accent()),
        Span::raw(input.text.clone()),
        Span::styled(format!("{cursor} "), app.theme.dim()),
    ]))
}

/// A list of `len` one-line rows with one selected, drawing only the rows in view.
pub fn list(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    block: Block<'static>,
    (len, selected, focused): (usize, usize, bool),
    empty: &str,
    row: &dyn Fn(usize, usize) -> Line<'static>,
) {
    let visible = area.height.saturating_sub(2);
    let first = view::list_offset(selected, visible);
    let last = (first + usize::from(visible)).min(len);
    let width = usize::from(area.width.saturating_sub(2));
    let paragraph = if len == 0 {
        // The message alone, wrapped to the box.
        Paragraph::new(Line::styled(empty.to_string(), app.theme.dim())).wrap(Wrap { trim: true })
    } else {
        let lines: Vec<Line> = (first..last)
            .map(|i| {
                let line = row(i, width);
                if i == selected && focused { line.patch_style(app.theme.selected()) } else { line }
            })
            .collect();
        Paragraph::new(lines)
    };
    frame.render_widget(paragraph.block(block), area);
}

/// The row of a list or table a click at screen row `row` falls on, if any: `header` rows (a table's
/// heading) come under the top border before the first row.
pub fn row_at(area: Rect, row: u16, selected: usize, len: usize, header: u16) -> Option<usize> {
    let top = area.y + 1 + header;
    let visible = area.height.saturating_sub(2 + header);
    if row < top || row >= top + visible {
        return None;
    }
    let index = view::list_offset(selected, visible) + usize::from(row - top);
    (index < len).then_some(index)
}

/// A scroll position of wrapped text of `len` lines in a box `area`, one line down or up, kept where the
/// last line shows at the bottom.
pub fn scrolled(scroll: usize, len: usize, area: Rect, down: bool) -> usize {
    let last = len.saturating_sub(usize::from(area.height.saturating_sub(2)));
    if down { (scroll + 1).min(last) } else { scroll.saturating_sub(1) }
}

/// Wrapped text in a box from line `first`; when it is longer than the box, the title says which lines
/// show and how to see the rest.
pub fn draw_text(frame: &mut Frame, app: &App, text: &WrappedText, first: usize, title: &str, area: Rect) {
    let visible = usize::from(area.height.saturating_sub(2));
    let total = text.len();
    let title = if total > visible {
        let keys =
            [Action::DetailDown, Action::DetailUp].map(|a| super::keymap::key_for(&a).unwrap_or_default());
        format!(" {title} {}–{} of {total} ({}) ", first + 1, (first + visible).min(total), keys.join("/"))
    } else {
        format!(" {title} ")
    };
    let lines: Vec<Line> = text.lines(first, visible).map(|line| view::shown(app, &line)).collect();
    frame.render_widget(Paragraph::new(lines).block(view::block(title, false, app.theme)), area);
}

/// A line cut to `width` cells, in one style.
pub fn cut(text: &str, width: usize, style: Style) -> Line<'static> {
    Line::styled(truncate(text, width), style)
}
