//! The figures board: every counted thing of the folder (left; `≠` marks those whose values differ),
//! the values given for the selected one with who gives them and where (right), and those values over
//! time as a chart (under them). `Enter` on a value goes to it; `Esc` comes back.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

use super::{Cursor, Input, Movement, fold, matches};
use crate::folder::figures::FigureGroup;
use crate::folder::labels::Labels;
use crate::model::Date;
use crate::render::figures::known;
use crate::render::format_value;
use crate::tui::app::App;
use crate::tui::view;
use crate::xref::ItemAt;

#[derive(Debug, Default)]
pub struct State {
    /// The groups shown (positions in `App::folder.figures`), after the filters.
    pub rows: Vec<usize>,
    /// The selected group (a position in `rows`) and value; on the right, the cursor is in the values.
    pub cursor: Cursor,
    pub differing_only: bool,
    pub filter: Input,
    /// The selected group's dated values as chart points, worked out when the selection changes.
    pub chart: Points,
}

/// A group's values as (month number, value) points, with the axes' bounds and labels.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Points {
    /// The group they are of.
    pub group: Option<usize>,
    pub points: Vec<(f64, f64)>,
    /// The selected value's point, drawn apart.
    pub selected: Vec<(f64, f64)>,
    pub x: [f64; 2],
    pub y: [f64; 2],
    pub x_labels: [String; 2],
    pub y_labels: [String; 2],
    pub undated: usize,
}

/// The selected group, as a position in `App::folder.figures`.
fn group(app: &App) -> Option<usize> {
    let state = &app.boards.figures;
    state.rows.get(state.cursor.row).copied()
}

fn values(app: &App) -> Option<&FigureGroup> {
    group(app).map(|g| &app.folder.figures[g])
}

/// What a group counts, as its first figure says: "artillery shells — shells sent to Russia".
fn counted(labels: &Labels, group: &FigureGroup) -> String {
    let Some(f) = labels.figure(group.values[0]) else { return String::new() };
    match f.subject {
        Some(subject) => format!("{} — {subject}", f.unit),
        None => f.unit.to_string(),
    }
}

pub fn refresh(app: &mut App) {
    let words = app.boards.figures.filter.words();
    let labels = &app.folder.labels;
    let state = &mut app.boards.figures;
    let before = state.rows.get(state.cursor.row).copied();
    state.rows = (app.folder.figures.iter().enumerate())
        .filter(|(_, g)| !state.differing_only || g.values_differ)
        .filter(|(_, g)| words.is_empty() || matches(&fold(&counted(labels, g)), &words))
        .map(|(i, _)| i)
        .collect();
    let now = before.and_then(|g| state.rows.iter().position(|&r| r == g));
    let (rows, figures) = (&state.rows, &app.folder.figures);
    state.cursor.refit(now, rows.len(), |row| figures[rows[row]].values.len());
}

fn values_len(app: &App) -> usize {
    values(app).map_or(0, |g| g.values.len())
}

pub fn step(app: &mut App, movement: Movement) {
    let len = values_len(app);
    let state = &mut app.boards.figures;
    state.cursor.step(movement, state.rows.len(), len);
}

/// Moves between the groups (`right` false) and the values.
pub fn column(app: &mut App, right: bool) {
    let len = values_len(app);
    app.boards.figures.cursor.column(right, len);
}

/// Esc in the values goes back to the groups; returns whether it did.
pub fn back(app: &mut App) -> bool {
    app.boards.figures.cursor.back()
}

pub fn cycle(app: &mut App) {
    let state = &mut app.boards.figures;
    state.differing_only = !state.differing_only;
    app.status = if state.differing_only {
        "only counted things whose values differ".into()
    } else {
        "every counted thing".into()
    };
    refresh(app);
}

pub fn selected_item(app: &App) -> Option<ItemAt> {
    values(app)?.values.get(app.boards.figures.cursor.entry).copied()
}

/// Enter: in the groups, go to the values; in the values, go to the selected figure.
pub fn open(app: &mut App) {
    if !app.boards.figures.cursor.right {
        column(app, true);
        return;
    }
    if let Some(at) = selected_item(app) {
        app.jump(at);
    }
}

/// The board's three boxes in `body`: the groups, the values, the chart.
pub fn layout(body: Rect) -> (Rect, Rect, Rect) {
    let left = (body.width * 35 / 100).clamp(24.min(body.width), 56);
    let [groups, right] = Layout::horizontal([Constraint::Length(left), Constraint::Min(0)]).areas(body);
    let chart = (right.height * 45 / 100).max(6).min(right.height);
    let [values, chart] = Layout::vertical([Constraint::Min(0), Constraint::Length(chart)]).areas(right);
    (groups, values, chart)
}

/// A click (`select`) or the wheel (not `select`) at a screen cell: the cursor goes to the side under
/// it, and a click to the row or value under it.
pub fn point(app: &mut App, column: u16, row: u16, select: bool) {
    let (groups, values, _) = layout(super::body(app.viewport));
    let len = values_len(app);
    let state = &mut app.boards.figures;
    state.cursor.point(Position { x: column, y: row }, (groups, state.rows.len()), (values, len, 1), select);
}

/// Months since year 0, with the day as a fraction: where a date sits on the chart's time axis.
fn month_number(date: Date) -> f64 {
    let month = f64::from(date.month.unwrap_or(1)) - 1.0;
    let day = f64::from(date.day.unwrap_or(1)) - 1.0;
    f64::from(date.year) * 12.0 + month + day / 31.0
}

/// Works out the chart of the selected group when the selection changed.
pub fn prepare(app: &mut App) {
    let group = group(app);
    let labels = &app.folder.labels;
    let point = |at: ItemAt| labels.figure(at).and_then(|f| Some((f.date?, f.value)));
    let value = app.boards.figures.cursor.entry;
    let chart = &app.boards.figures.chart;
    let selected_at = (group.and_then(|g| app.folder.figures[g].values.get(value)))
        .and_then(|&at| point(at))
        .map(|(d, v)| (month_number(d), v));
    if chart.group == group && chart.group.is_some() && chart.selected.first().copied() == selected_at {
        return;
    }
    let mut points = Points { group, ..Points::default() };
    if let Some(g) = group {
        let values = &app.folder.figures[g].values;
        let dated: Vec<(Date, f64)> = values.iter().filter_map(|&at| point(at)).collect();
        points.undated = values.len() - dated.len();
        points.points = dated.iter().map(|&(d, v)| (month_number(d), v)).collect();
        points.selected = selected_at.into_iter().collect();
        if let (Some(first), Some(last)) = (dated.iter().map(|d| d.0).min(), dated.iter().map(|d| d.0).max())
        {
            let (low, high) = (month_number(first), month_number(last));
            // One date alone gets a month of room on each side, to sit in the middle.
            points.x = if low < high { [low, high] } else { [low - 1.0, high + 1.0] };
            points.x_labels = [first.to_string(), last.to_string()];
        }
        let max = points.points.iter().map(|p| p.1).fold(0.0_f64, f64::max);
        let min = points.points.iter().map(|p| p.1).fold(0.0_f64, f64::min);
        points.y = [min, if max > min { max * 1.1 } else { min + 1.0 }];
        points.y_labels = [format_value(min), format_value(max)];
    }
    app.boards.figures.chart = points;
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let (groups_area, values_area, chart_area) = layout(area);
    let state = &app.boards.figures;
    let figures = &app.folder.figures;
    let differ = figures.iter().filter(|g| g.values_differ).count();
    let counts = format!("Figures {} · {differ} differ", figures.len());
    let shown = if state.differing_only { "differing only" } else { "" };
    let block = view::block(super::title(&[&counts, shown]), !state.cursor.right, app.theme);
    let block = super::with_filter(block, app, &state.filter);
    let empty = if figures.is_empty() { "No figures in this folder." } else { "No counted thing matches." };
    let labels = &app.folder.labels;
    super::list(
        frame,
        app,
        groups_area,
        block,
        (state.rows.len(), state.cursor.row, true),
        empty,
        &|i, width| {
            let g = &figures[state.rows[i]];
            let flag = if g.values_differ { "≠ " } else { "  " };
            let Some(f) = labels.figure(g.values[0]) else { return Line::default() };
            let subject = f.subject.map_or(String::new(), |s| format!(" — {s}"));
            let text = format!("{flag}{}{subject} ({})", f.unit, g.values.len());
            let style = if g.values_differ { app.theme.warn() } else { Style::new() };
            super::cut(&text, width, if i == state.cursor.row { Style::new() } else { style })
        },
    );
    let Some(group) = values(app) else {
        let block = view::block(" Values ".into(), false, app.theme);
        frame.render_widget(Paragraph::new("").block(block), values_area.union(chart_area));
        return;
    };
    let verdict = if group.values_differ { "differ" } else { "agree" };
    let count = format!("{} values {verdict}", group.values.len());
    let unit = labels.figure(group.values[0]).map_or("", |f| f.unit);
    let block = view::block(super::title(&[unit, &count]), state.cursor.right, app.theme);
    let widths = [Constraint::Length(10), Constraint::Fill(3), Constraint::Fill(3), Constraint::Fill(2)];
    super::table(
        frame,
        app,
        values_area,
        block,
        &["As of", "Value", "Claimed by", "Outlet"],
        &widths,
        (group.values.len(), state.cursor.entry, state.cursor.right),
        "",
        &|i| {
            let at = group.values[i];
            let Some(f) = labels.figure(at) else { return (Vec::new(), Style::new()) };
            let date = f.date.map_or("undated".to_string(), |d| d.to_string());
            let by = f.by;
            let outlet = known(labels.outlet(at.briefing)).unwrap_or_default();
            let style = if i == state.cursor.entry && !state.cursor.right {
                app.theme.heading()
            } else {
                Style::new()
            };
            (vec![date, f.text.to_string(), by.to_string(), outlet.to_string()], style)
        },
    );
    draw_chart(frame, app, unit, chart_area);
}

fn draw_chart(frame: &mut Frame, app: &App, unit: &str, area: Rect) {
    let points = &app.boards.figures.chart;
    let undated = match points.undated {
        0 => String::new(),
        n => format!("{n} undated not shown"),
    };
    let block = view::block(super::title(&["Over time", &undated]), false, app.theme);
    if points.points.is_empty() {
        let line = Line::styled("No dated values to chart.", app.theme.dim());
        frame.render_widget(Paragraph::new(line).block(block), area);
        return;
    }
    let all = Dataset::default()
        .name(unit.to_string())
        .marker(Marker::Dot)
        .graph_type(GraphType::Scatter)
        .data(&points.points);
    let selected = Dataset::default()
        .marker(Marker::Block)
        .style(app.theme.accent())
        .graph_type(GraphType::Scatter)
        .data(&points.selected);
    let x = Axis::default()
        .bounds(points.x)
        .labels(points.x_labels.iter().map(|l| Line::from(l.clone())).collect::<Vec<_>>())
        .style(app.theme.dim());
    let y = Axis::default()
        .bounds(points.y)
        .labels(points.y_labels.iter().map(|l| Line::from(l.clone())).collect::<Vec<_>>())
        .style(app.theme.dim());
    let chart = Chart::new(vec![all, selected]).block(block).x_axis(x).y_axis(y).legend_position(None);
    frame.render_widget(chart, area);
}
