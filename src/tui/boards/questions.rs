//! The questions board: every question the folder's briefings leave open, newest first, with whether a
//! later briefing addresses it (and why the reader thinks so) or it is still open. `c` shows all, the
//! open only or the addressed only; `Enter` goes to the question, `l` to what addresses it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Input, Movement, fold, matches, moved};
use crate::folder::questions::QuestionEntry;
use crate::tui::app::App;
use crate::tui::view;
use crate::tui::wrap::{Para, Tone, WrappedText};
use crate::xref::ItemAt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    #[default]
    All,
    Open,
    Addressed,
}

#[derive(Debug, Default)]
pub struct State {
    /// The questions shown (positions in `App::folder.questions`), after the filters.
    pub rows: Vec<usize>,
    pub selected: usize,
    pub show: Show,
    pub filter: Input,
    /// Each question's text and briefing title folded for the filter, made when first needed.
    folded: Vec<String>,
    /// The selected question in full, wrapped for its box, and its first line shown.
    pub detail: WrappedText,
    pub scroll: usize,
}

fn entry(app: &App) -> Option<&QuestionEntry> {
    let state = &app.boards.questions;
    state.rows.get(state.selected).map(|&i| &app.folder.questions[i])
}

pub fn selected_item(app: &App) -> Option<ItemAt> {
    entry(app).map(|e| e.at)
}

/// The reader loaded the folder again: the folded texts are of the old one.
pub fn forget(app: &mut App) {
    app.boards.questions.folded.clear();
}

pub fn refresh(app: &mut App) {
    let words = app.boards.questions.filter.words();
    if !words.is_empty() && app.boards.questions.folded.len() != app.folder.questions.len() {
        let labels = &app.folder.labels;
        let folded = (app.folder.questions.iter())
            .map(|q| {
                let text = labels.question(q.at).map_or("", |l| l.text);
                fold(&format!("{text} {}", labels.title(q.at.briefing)))
            })
            .collect();
        app.boards.questions.folded = folded;
    }
    let state = &mut app.boards.questions;
    let before = state.rows.get(state.selected).copied();
    let show = state.show;
    state.rows = (app.folder.questions.iter().enumerate())
        .filter(|(_, q)| match show {
            Show::All => true,
            Show::Open => q.addressed.is_none(),
            Show::Addressed => q.addressed.is_some(),
        })
        .filter(|(i, _)| words.is_empty() || matches(&state.folded[*i], &words))
        .map(|(i, _)| i)
        .collect();
    let now = before.and_then(|q| state.rows.iter().position(|&r| r == q));
    state.selected = now.unwrap_or(0).min(state.rows.len().saturating_sub(1));
}

pub fn step(app: &mut App, movement: Movement) {
    let state = &mut app.boards.questions;
    state.selected = moved(state.selected, state.rows.len(), movement);
}

pub fn cycle(app: &mut App) {
    let state = &mut app.boards.questions;
    (state.show, app.status) = match state.show {
        Show::All => (Show::Open, "only the questions still open".into()),
        Show::Open => (Show::Addressed, "only the questions a later briefing addresses".into()),
        Show::Addressed => (Show::All, "every question".into()),
    };
    refresh(app);
}

pub fn open(app: &mut App) {
    if let Some(at) = selected_item(app) {
        app.jump(at);
    }
}

/// Goes to what addresses the selected question.
pub fn follow(app: &mut App) {
    match entry(app).map(|e| e.addressed.as_ref().map(|a| a.by)) {
        Some(Some(by)) => app.jump(by),
        Some(None) => app.status = "nothing later addresses this question".into(),
        None => {}
    }
}

/// The board's two boxes: the table of questions and the selected one in full.
pub fn layout(body: Rect) -> (Rect, Rect) {
    let detail = (body.height * 2 / 5).max(6).min(body.height);
    let [table, detail] = Layout::vertical([Constraint::Min(0), Constraint::Length(detail)]).areas(body);
    (table, detail)
}

pub fn click(app: &mut App, column: u16, row: u16) {
    let (table, _) = layout(super::body(app.viewport));
    let _ = column;
    let state = &app.boards.questions;
    if let Some(i) = super::row_at(table, row, state.selected, state.rows.len(), 1) {
        app.boards.questions.selected = i;
    }
}

/// Wraps the selected question's details for their box.
pub fn prepare(app: &mut App) {
    let (_, detail) = layout(super::body(app.viewport));
    let width = usize::from(detail.width.saturating_sub(2)).max(1);
    let paras = paras(app);
    if app.boards.questions.detail.set(paras, width, None) {
        app.boards.questions.scroll = 0;
    }
}

/// The question, what addresses it (or that nothing does), where it was asked, what it is about.
fn paras(app: &App) -> Vec<Para<'static>> {
    let Some(entry) = entry(app) else { return Vec::new() };
    let labels = &app.folder.labels;
    let Some(question) = labels.question(entry.at) else { return Vec::new() };
    let mut paras = vec![Para::new(question.text.to_string(), Tone::Heading, false)];
    match &entry.addressed {
        Some(addressed) => {
            let other = addressed.by.briefing;
            let date = addressed.date.map_or(String::new(), |d| format!(", {d}"));
            paras.push(Para::new(
                format!("Addressed later (l goes there): {}", question.addressed.unwrap_or_default()),
                Tone::Plain,
                false,
            ));
            paras.push(Para::new(format!("Why: {}", addressed.reason), Tone::Plain, false));
            paras.push(Para::new(
                format!("in {} ({}{date})", labels.title(other), labels.outlet(other)),
                Tone::Dim,
                false,
            ));
        }
        None if entry.complete => paras.push(Para::new(
            "Still open: no later briefing has a figure or claim on what it asks about.",
            Tone::Plain,
            false,
        )),
        None => paras.push(Para::new(
            "Open as far as compared: the folder is too large to compare this question's claims with every \
             later claim, so one may yet address it (x lists what relates to the question itself).",
            Tone::Plain,
            false,
        )),
    }
    let date = entry.date.map_or(String::new(), |d| format!(", {d}"));
    let asked = entry.at.briefing;
    paras.push(Para::new(
        format!("Asked in {} ({}{date})", labels.title(asked), labels.outlet(asked)),
        Tone::Dim,
        false,
    ));
    if !question.about.is_empty() {
        paras.push(Para::new(format!("About: {}", question.about), Tone::Dim, false));
    }
    paras
}

/// J/K: scrolls the question's box when its text is longer than the box.
pub fn scroll(app: &mut App, down: bool) {
    let (_, detail) = layout(super::body(app.viewport));
    let state = &mut app.boards.questions;
    state.scroll = super::scrolled(state.scroll, state.detail.len(), detail, down);
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let (table_area, detail_area) = layout(area);
    let state = &app.boards.questions;
    let questions = &app.folder.questions;
    let open = questions.iter().filter(|q| q.addressed.is_none()).count();
    let counts = format!("Questions {} · {open} open", questions.len());
    let show = match state.show {
        Show::All => "",
        Show::Open => "open only",
        Show::Addressed => "addressed only",
    };
    let block = view::block(super::title(&[&counts, show]), true, app.theme);
    let block = super::with_filter(block, app, &state.filter);
    let empty = if questions.is_empty() { "No questions in this folder." } else { "No question matches." };
    let widths = [Constraint::Length(9), Constraint::Length(10), Constraint::Fill(5), Constraint::Fill(2)];
    super::table(
        frame,
        app,
        table_area,
        block,
        &["Status", "Date", "Question", "In"],
        &widths,
        (state.rows.len(), state.selected, true),
        empty,
        &|i| {
            let q = &questions[state.rows[i]];
            let labels = &app.folder.labels;
            let (status, style) = match (&q.addressed, q.complete) {
                (Some(_), _) => ("addressed", Style::new()),
                (None, true) => ("open", app.theme.heading()),
                (None, false) => ("open?", app.theme.heading()),
            };
            let date = q.date.map_or(String::new(), |d| d.to_string());
            let text = labels.question(q.at).map_or("", |l| l.text);
            (vec![status.to_string(), date, text.to_string(), labels.title(q.at.briefing).to_string()], style)
        },
    );
    let rows = usize::from(detail_area.height.saturating_sub(2));
    let lines: Vec<Line> = state.detail.lines(0, rows).map(|line| view::shown(app, &line)).collect();
    frame.render_widget(
        Paragraph::new(lines).block(view::block(" Question ".into(), false, app.theme)),
        detail_area,
    );
}
