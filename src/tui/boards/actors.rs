//! The actors board: every actor of the folder as one entry, its spellings joined by the registry
//! (left; `c` filters by kind, `s` sorts, `f` filters by name), and the selected one in full (right):
//! kind, other names, roles over time, the briefings it appears in as a strip of months, the claims it
//! makes with their stances, and the claims of others that name it. `l` or `Enter` moves to its claims,
//! `Enter` on a claim goes there, `T` shows the actor on the timeline.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Sparkline};

use super::{Cursor, Input, Movement, fold, matches};
use crate::folder::Month;
use crate::folder::actors::ActorEntry;
use crate::model::ActorKind;
use crate::tui::app::App;
use crate::tui::view;
use crate::tui::wrap::{Para, Tone, WrappedText};
use crate::xref::ItemAt;

const KINDS: [ActorKind; 6] = [
    ActorKind::Person,
    ActorKind::State,
    ActorKind::Organisation,
    ActorKind::Group,
    ActorKind::Outlet,
    ActorKind::Place,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// In the most briefings first (the folder's order).
    #[default]
    Briefings,
    /// Making the most claims first.
    Claims,
    Name,
}

#[derive(Debug, Default)]
pub struct State {
    /// The actors shown (positions in `App::folder.actors`), after the filters, in the order chosen.
    pub rows: Vec<usize>,
    /// The selected actor (a position in `rows`) and claim of it (its own claims, then those naming it);
    /// on the right, the cursor is in the claims.
    pub cursor: Cursor,
    pub kind: Option<ActorKind>,
    pub order: Order,
    pub filter: Input,
    /// The selected actor in full and its strip of months, made when the selection changes, and the
    /// first line of it shown.
    pub detail: WrappedText,
    pub scroll: usize,
    pub strip: Strip,
}

/// Appearances per month from the first month to the last, squeezed to fit a width.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Strip {
    /// What it was made for (the actor group it shows; 0 for the timeline), to tell when to make it again.
    pub of: Option<usize>,
    pub width: usize,
    pub bars: Vec<u64>,
    pub first: String,
    pub last: String,
}

impl Strip {
    /// `months` (in order; a year alone counts as its January) over at most `width` columns: several
    /// months a column when they are more than the columns, several columns a month (up to 4) when
    /// there is room.
    pub fn new(months: &[(Month, u32)], width: usize) -> Strip {
        let number = |m: &Month| i64::from(m.year) * 12 + i64::from(m.month.unwrap_or(1)) - 1;
        let (Some(first), Some(last)) = (months.first(), months.last()) else { return Strip::default() };
        let span = (number(&last.0) - number(&first.0) + 1) as usize;
        let per_column = span.div_ceil(width.max(1));
        let mut bars = vec![0u64; span.div_ceil(per_column)];
        for (month, count) in months {
            bars[(number(month) - number(&first.0)) as usize / per_column] += u64::from(*count);
        }
        let repeat = (width / bars.len().max(1)).clamp(1, 4);
        let bars = bars.into_iter().flat_map(|b| std::iter::repeat_n(b, repeat)).collect();
        Strip { of: None, width, bars, first: first.0.to_string(), last: last.0.to_string() }
    }
}

fn actor(app: &App) -> Option<&ActorEntry> {
    let state = &app.boards.actors;
    state.rows.get(state.cursor.row).map(|&i| &app.folder.actors[i])
}

/// The claims listed for an actor: those it makes, then those naming it.
fn claims(entry: &ActorEntry) -> impl Iterator<Item = (ItemAt, bool)> + '_ {
    entry.claims.iter().map(|at| (at, true)).chain(entry.about.iter().map(|at| (at, false)))
}

fn claim_count(app: &App) -> usize {
    actor(app).map_or(0, |a| a.claims.len() + a.about.len())
}

pub fn selected_item(app: &App) -> Option<ItemAt> {
    let entry = actor(app)?;
    if app.boards.actors.cursor.right {
        return claims(entry).nth(app.boards.actors.cursor.entry).map(|(at, _)| at);
    }
    // The actor itself, as its first record.
    let group = &app.xref.registry().groups.get(entry.group)?;
    let &(briefing, index) = group.members.first()?;
    Some(ItemAt { briefing, item: crate::model::ItemRef::Actor(index) })
}

/// The actor entry of a registry group, for the boards that lead here.
pub fn select_group(app: &mut App, group: usize) -> bool {
    let state = &mut app.boards.actors;
    let entry = app.folder.actors.iter().position(|a| a.group == group);
    let Some(entry) = entry else { return false };
    if !state.rows.contains(&entry) {
        state.kind = None;
        state.filter = Input::default();
        refresh(app);
    }
    let state = &mut app.boards.actors;
    let row = state.rows.iter().position(|&r| r == entry).unwrap_or(0);
    state.cursor = Cursor { row, ..Cursor::default() };
    true
}

pub fn refresh(app: &mut App) {
    let words = app.boards.actors.filter.words();
    let state = &mut app.boards.actors;
    let actors = &app.folder.actors;
    let before = state.rows.get(state.cursor.row).copied();
    state.rows = (actors.iter().enumerate())
        .filter(|(_, a)| state.kind.is_none_or(|k| a.kind == k))
        .filter(|(_, a)| {
            words.is_empty() || matches(&fold(&format!("{} {}", a.name, a.aliases.join(" "))), &words)
        })
        .map(|(i, _)| i)
        .collect();
    match state.order {
        Order::Briefings => {}
        Order::Claims => state.rows.sort_by_key(|&i| std::cmp::Reverse(actors[i].claims.len())),
        Order::Name => state.rows.sort_by_cached_key(|&i| fold(&actors[i].name)),
    }
    let now = before.and_then(|a| state.rows.iter().position(|&r| r == a));
    let rows = &state.rows;
    state.cursor.refit(now, rows.len(), |row| actors[rows[row]].claims.len() + actors[rows[row]].about.len());
}

pub fn step(app: &mut App, movement: Movement) {
    let len = claim_count(app);
    let state = &mut app.boards.actors;
    state.cursor.step(movement, state.rows.len(), len);
}

pub fn column(app: &mut App, right: bool) {
    let len = claim_count(app);
    app.boards.actors.cursor.column(right, len);
}

pub fn back(app: &mut App) -> bool {
    app.boards.actors.cursor.back()
}

pub fn cycle(app: &mut App) {
    let state = &mut app.boards.actors;
    state.kind = match state.kind {
        None => Some(KINDS[0]),
        Some(kind) => KINDS.iter().position(|k| *k == kind).and_then(|i| KINDS.get(i + 1)).copied(),
    };
    app.status = match state.kind {
        Some(kind) => format!("only actors of kind {kind}"),
        None => "actors of every kind".into(),
    };
    refresh(app);
}

pub fn sort(app: &mut App) {
    let state = &mut app.boards.actors;
    (state.order, app.status) = match state.order {
        Order::Briefings => (Order::Claims, "making the most claims first".into()),
        Order::Claims => (Order::Name, "by name".into()),
        Order::Name => (Order::Briefings, "in the most briefings first".into()),
    };
    refresh(app);
}

pub fn open(app: &mut App) {
    if !app.boards.actors.cursor.right {
        column(app, true);
        if !app.boards.actors.cursor.right {
            app.status = "this actor makes no claim and no claim names it".into();
        }
        return;
    }
    if let Some(at) = selected_item(app) {
        app.jump(at);
    }
}

/// J/K: scrolls the actor's details when they are longer than their box.
pub fn scroll(app: &mut App, down: bool) {
    let (_, details, _, _) = layout(super::body(app.viewport));
    let state = &mut app.boards.actors;
    state.scroll = super::scrolled(state.scroll, state.detail.len(), details, down);
}

/// Shows the selected actor on the timeline: the briefings it appears in, its claims and those naming it.
pub fn timeline(app: &mut App) {
    let Some(a) = actor(app) else { return };
    let name = a.name.clone();
    super::timeline::show_items(app, name.clone(), super::timeline::Of::Actor(name));
}

/// The board's boxes: the actors (left); the selected one's details, its strip of months and its
/// claims (right, top to bottom).
pub fn layout(body: Rect) -> (Rect, Rect, Rect, Rect) {
    let left = (body.width * 3 / 10).clamp(22.min(body.width), 44);
    let [list, right] = Layout::horizontal([Constraint::Length(left), Constraint::Min(0)]).areas(body);
    let details = (right.height * 2 / 5).max(5).min(right.height);
    let strip = if right.height >= details + 8 { 4 } else { 0 };
    let [details, strip, claims] =
        Layout::vertical([Constraint::Length(details), Constraint::Length(strip), Constraint::Min(0)])
            .areas(right);
    (list, details, strip, claims)
}

/// A click (`select`) or the wheel (not `select`) at a screen cell: the cursor goes to the side under
/// it, and a click to the actor or claim under it.
pub fn point(app: &mut App, column: u16, row: u16, select: bool) {
    let (list, _, _, claims) = layout(super::body(app.viewport));
    let len = claim_count(app);
    let state = &mut app.boards.actors;
    state.cursor.point(Position { x: column, y: row }, (list, state.rows.len()), (claims, len, 0), select);
}

/// Wraps the selected actor's details and makes its strip, when the selection or the size changed.
pub fn prepare(app: &mut App) {
    let (_, details, strip, _) = layout(super::body(app.viewport));
    let width = usize::from(details.width.saturating_sub(2)).max(1);
    let paras = paras(app);
    if app.boards.actors.detail.set(paras, width, None) {
        app.boards.actors.scroll = 0;
    }
    let group = actor(app).map(|a| a.group);
    let strip_width = usize::from(strip.width.saturating_sub(2));
    let state = &app.boards.actors;
    if state.strip.of != group || state.strip.width != strip_width {
        let mut made = actor(app).map_or_else(Strip::default, |a| Strip::new(&a.months, strip_width));
        made.of = group;
        made.width = strip_width;
        app.boards.actors.strip = made;
    }
}

fn paras(app: &App) -> Vec<Para<'static>> {
    let Some(a) = actor(app) else { return Vec::new() };
    let mut paras = vec![Para::new(format!("{} ({})", a.name, a.kind), Tone::Heading, false)];
    if !a.aliases.is_empty() {
        paras.push(Para::new(format!("Also: {}", a.aliases.join(", ")), Tone::Plain, false));
    }
    let span = |first: Option<crate::model::Date>, last: Option<crate::model::Date>| match (first, last) {
        (Some(f), Some(l)) if f == l => format!(" ({f})"),
        (Some(f), Some(l)) => format!(" ({f} – {l})"),
        _ => String::new(),
    };
    if !a.roles.is_empty() {
        let roles: Vec<String> =
            a.roles.iter().map(|r| format!("{}{}", r.role, span(r.first, r.last))).collect();
        paras.push(Para::new(format!("Roles: {}", roles.join("; ")), Tone::Plain, false));
    }
    let dates = |b: &usize| app.folder.labels.published(*b);
    let first = a.briefings.iter().filter_map(dates).min();
    let last = a.briefings.iter().filter_map(dates).max();
    paras.push(Para::new(
        format!("In {} briefing(s){}", a.briefings.len(), span(first, last)),
        Tone::Plain,
        false,
    ));
    let stances: Vec<String> = a.stances.taken().iter().map(|(s, n)| format!("{s} {n}")).collect();
    let makes = match a.claims.len() {
        0 => "Makes no claim".to_string(),
        n => format!("Makes {n} claim(s): {}", stances.join(", ")),
    };
    paras.push(Para::new(
        format!("{makes}; named in {} claim(s) of others", a.about.len()),
        Tone::Plain,
        false,
    ));
    paras
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let (list_area, details_area, strip_area, claims_area) = layout(area);
    let state = &app.boards.actors;
    let actors = &app.folder.actors;
    let count = match state.rows.len() {
        n if n == actors.len() => format!("Actors {n}"),
        n => format!("Actors {n}/{}", actors.len()),
    };
    let kind = state.kind.map_or(String::new(), |k| k.to_string());
    let order = match state.order {
        Order::Briefings => "",
        Order::Claims => "most claims",
        Order::Name => "by name",
    };
    let block = view::block(super::title(&[&count, &kind, order]), !state.cursor.right, app.theme);
    let block = super::with_filter(block, app, &state.filter);
    let empty = if actors.is_empty() { "No actors in this folder." } else { "No actor matches." };
    super::list(
        frame,
        app,
        list_area,
        block,
        (state.rows.len(), state.cursor.row, true),
        empty,
        &|i, width| {
            let a = &actors[state.rows[i]];
            let count = format!(" {}", a.briefings.len());
            let name = super::super::panes::list::truncate(&a.name, width.saturating_sub(count.len()));
            let pad =
                width.saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()) + count.len());
            Line::from(format!("{name}{}{count}", " ".repeat(pad)))
        },
    );
    let Some(entry) = actor(app) else {
        frame.render_widget(
            Paragraph::new("").block(view::block(" Actor ".into(), false, app.theme)),
            details_area.union(claims_area),
        );
        return;
    };
    let rows = usize::from(details_area.height.saturating_sub(2));
    let lines: Vec<Line> = state.detail.lines(0, rows).map(|line| view::shown(app, &line)).collect();
    let more = if state.detail.len() > rows { "…" } else { "" };
    frame.render_widget(
        Paragraph::new(lines).block(view::block(format!(" Actor {more}"), false, app.theme)),
        details_area,
    );
    if strip_area.height > 0 {
        draw_strip(frame, app, &state.strip, "Appearances by month", strip_area);
    }
    let title =
        super::title(&[&format!("Claims: {} by it, {} naming it", entry.claims.len(), entry.about.len())]);
    let block = view::block(title, state.cursor.right, app.theme);
    super::list(
        frame,
        app,
        claims_area,
        block,
        (claim_count(app), state.cursor.entry, state.cursor.right),
        "No claims by it or naming it.",
        &|i, width| {
            let (at, by) = if i < entry.claims.len() {
                (entry.claims.get(i), true)
            } else {
                (entry.about.get(i - entry.claims.len()), false)
            };
            at.map_or_else(Line::default, |at| claim_line(app, at, by, width))
        },
    );
}

/// "2023-08 denies  Russia denies …", or for a claim naming the actor, its claimant first.
fn claim_line(app: &App, at: ItemAt, by: bool, width: usize) -> Line<'static> {
    let labels = &app.folder.labels;
    let Some(claim) = labels.claim(at) else { return Line::default() };
    let date = labels.published(at.briefing).map_or("undated".to_string(), |d| d.to_string());
    let who = if by { String::new() } else { format!("{}: ", claim.claimant) };
    let text = format!("{date:<10} {:<9} {who}{}", claim.stance.to_string(), claim.text);
    let style = if claim.stance == crate::model::Stance::Denies { app.theme.warn() } else { Style::new() };
    super::cut(&text, width, style)
}

/// A strip of counts per month as a sparkline, the first and last months in its border.
pub fn draw_strip(frame: &mut Frame, app: &App, strip: &Strip, what: &str, area: Rect) {
    let title = if strip.bars.is_empty() {
        format!(" {what}: no dates ")
    } else {
        format!(" {what}: {} – {} ", strip.first, strip.last)
    };
    let block = view::block(title, false, app.theme);
    frame.render_widget(Sparkline::default().data(&strip.bars).style(app.theme.accent()).block(block), area);
}
