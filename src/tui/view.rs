//! Drawing the reader from `&App`: the layout, the bars, and the helpers the panes share.
//!
//! The layout is a pure function of the terminal size so that mouse clicks (resolved in `update`) and
//! drawing always agree. Lists and tables render only their visible rows.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Focus, Overlay, Pane};
use super::keymap;
use super::list::Width as ListWidth;
use super::panes;
use super::wrap::{Shown, Tone};

/// Below this size the reader shows a message instead of panes.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regions {
    pub title: Rect,
    pub list: Rect,
    pub tabs: Rect,
    /// The item table (or the whole summary).
    pub pane: Rect,
    /// The selected item's details, under the table.
    pub detail: Rect,
    pub status: Rect,
}

/// The layout with the briefing list at its full width.
pub fn layout(viewport: (u16, u16)) -> Regions {
    layout_with(viewport, ListWidth::Full)
}

pub fn layout_with((width, height): (u16, u16), list: ListWidth) -> Regions {
    let area = Rect::new(0, 0, width, height);
    let [title, body, status] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0), Constraint::Length(1)]).areas(area);
    let list_width = match list {
        ListWidth::Full => (width * 3 / 10).clamp(20.min(width), 48),
        ListWidth::Narrow => 16.min(width / 4),
        ListWidth::Hidden => 0,
    };
    let [list, right] = Layout::horizontal([Constraint::Length(list_width), Constraint::Min(0)]).areas(body);
    let [tabs, panes] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(right);
    let detail_height = (panes.height * 2 / 5).max(5).min(panes.height);
    let [pane, detail] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(detail_height)]).areas(panes);
    Regions { title, list, tabs, pane, detail, status }
}

/// The box the article is shown in, and the width its text wraps to.
pub fn article_area(area: Rect) -> Rect {
    centered(area, area.width.saturating_sub(4).min(100), area.height.saturating_sub(2))
}

pub fn article_width((width, height): (u16, u16)) -> usize {
    usize::from(article_area(Rect::new(0, 0, width, height)).width.saturating_sub(2)).max(1)
}

/// The first visible row of a list of `visible` rows whose selected row must be shown.
pub fn list_offset(selected: usize, visible: u16) -> usize {
    selected.saturating_sub(usize::from(visible.max(1)) - 1)
}

/// Lines the Summary pane shows: it takes the table's and the detail box's place, less two borders.
pub fn summary_rows(viewport: (u16, u16)) -> usize {
    let regions = layout(viewport);
    usize::from(regions.pane.union(regions.detail).height.saturating_sub(2))
}

/// Lines the detail box under a table shows: its height less two borders.
pub fn detail_rows(viewport: (u16, u16)) -> usize {
    usize::from(layout(viewport).detail.height.saturating_sub(2))
}

/// Rows of items a table pane shows: its height less two borders and the header.
pub fn pane_rows(pane: Rect) -> u16 {
    pane.height.saturating_sub(3)
}

/// The tab labels as drawn, so clicks can find them.
fn tab_labels() -> impl Iterator<Item = (Pane, String)> {
    Pane::ALL.iter().enumerate().map(|(i, p)| (*p, format!(" {} {} ", i + 1, p.title())))
}

/// The pane whose tab covers column `x` (relative to the tab bar).
pub fn tab_at(x: u16) -> Option<Pane> {
    let mut start = 0u16;
    for (pane, label) in tab_labels() {
        let end = start + label.width() as u16;
        if (start..end).contains(&x) {
            return Some(pane);
        }
        start = end + 1;
    }
    None
}

/// The reader's styles: bold, dim and reversed text everywhere, and three colours (dark or light
/// theme, or the user's) unless `NO_COLOR` is set, which always wins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

/// The colours a theme uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub accent: Color,
    pub warn: Color,
    pub matched: Color,
}

impl Palette {
    /// Readable on a dark background.
    pub const DARK: Palette = Palette { accent: Color::Cyan, warn: Color::Red, matched: Color::Yellow };
    /// Readable on a light background (yellow and cyan are not).
    pub const LIGHT: Palette = Palette { accent: Color::Blue, warn: Color::Red, matched: Color::Magenta };
}

impl Default for Theme {
    fn default() -> Theme {
        Theme { color: true, palette: Palette::DARK }
    }
}

impl Theme {
    /// Without colour: what `NO_COLOR` gives (and the tests' snapshots use).
    pub const PLAIN: Theme = Theme { color: false, palette: Palette::DARK };

    pub fn from_env() -> Theme {
        Theme { color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()), palette: Palette::DARK }
    }

    /// The theme the settings name, with their colours over it; `NO_COLOR` still turns colour off.
    pub fn from_settings(settings: &crate::config::Theme) -> Theme {
        let mut palette = if settings.light { Palette::LIGHT } else { Palette::DARK };
        // The settings checked each colour when they were read.
        let colour = |name: &Option<String>| name.as_deref().and_then(|n| n.parse::<Color>().ok());
        palette.accent = colour(&settings.accent).unwrap_or(palette.accent);
        palette.warn = colour(&settings.warn).unwrap_or(palette.warn);
        palette.matched = colour(&settings.matched).unwrap_or(palette.matched);
        Theme { palette, ..Theme::from_env() }
    }

    pub fn accent(self) -> Style {
        if self.color {
            Style::new().fg(self.palette.accent).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn warn(self) -> Style {
        if self.color {
            Style::new().fg(self.palette.warn)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Words a search matched.
    pub fn matched(self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        if self.color { style.fg(self.palette.matched) } else { style }
    }
}

/// A line of text with the given byte ranges in the match style.
pub fn marked(text: &str, ranges: &[std::ops::Range<usize>], base: Style, theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    let mut at = 0;
    for r in ranges {
        // Ranges come sorted and disjoint; anything else (or a range off a char boundary) is skipped.
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        if r.start > at {
            spans.push(Span::styled(text[at..r.start].to_string(), base));
        }
        spans.push(Span::styled(text[r.clone()].to_string(), base.patch(theme.matched())));
        at = r.end;
    }
    if at < text.len() || spans.is_empty() {
        spans.push(Span::styled(text[at..].to_string(), base));
    }
    Line::from(spans)
}

/// A line with the active search's matches highlighted (plain when no search is active).
pub fn highlighted(app: &App, text: &str, base: Style) -> Line<'static> {
    match &app.highlight {
        Some(query) => marked(text, &query.highlight(text), base, app.theme),
        None => Line::styled(text.to_string(), base),
    }
}

/// A line of wrapped text in its tone, its search matches marked.
pub fn shown(app: &App, line: &Shown) -> Line<'static> {
    let theme = app.theme;
    let base = match line.tone {
        Tone::Plain => Style::new(),
        Tone::Heading => theme.heading(),
        Tone::Dim => theme.dim(),
    };
    marked(line.text, line.marks, base, theme)
}

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(frame, area);
        return;
    }
    let regions = app.regions();
    let theme = app.theme;
    draw_title(frame, app, regions.title);
    if let Some(reading) = &app.reading {
        let body = regions.list.union(regions.tabs).union(regions.pane).union(regions.detail);
        panes::reading::draw(frame, app, reading, body);
    } else if let Some(board) = app.boards.open {
        super::boards::draw(frame, app, board, super::boards::body((area.width, area.height)));
    } else {
        if regions.list.width > 0 {
            panes::list::draw(frame, app, regions.list);
        }
        draw_tabs(frame, app, regions.tabs);
        match app.current_briefing() {
            Some(_) => panes::draw_pane(frame, app, regions),
            None if app.list_len() == 0 => draw_empty(frame, app, regions.pane.union(regions.detail)),
            // Opening on the cache's list: read before the next frame, or unreadable (said in the status).
            None if app.current().is_some() => {}
            None => panes::list::draw_failure(frame, app, regions.pane.union(regions.detail)),
        }
    }
    draw_status(frame, app, regions.status);
    match &app.overlay {
        Some(Overlay::Help(scroll)) => panes::help::draw(frame, theme, area, *scroll),
        Some(Overlay::Xref(view)) => panes::xref::draw(frame, app, view, area),
        Some(Overlay::Search(view)) => panes::search::draw(frame, app, view, area),
        Some(Overlay::Article(view)) => panes::article::draw(frame, app, view, area),
        None => {}
    }
}

/// A folder without briefings: how to add one.
fn draw_empty(frame: &mut Frame, app: &App, area: Rect) {
    let dir = crate::sanitize::neutralize(&app.store.dir.display().to_string()).into_owned();
    let text = [
        format!("No briefings in {dir} yet."),
        String::new(),
        "Draft one from a plain-text article (a file, a folder of them, or - for standard input):".into(),
        format!("    brief --dir {dir} convert ARTICLE"),
        String::new(),
        "It appears here at once, marked ✎ as a draft: review it, fix what is wrong, and set status = \"reviewed\". \
         docs/briefing-format.md describes every field, to write one by hand."
            .into(),
    ];
    let width = area.width.saturating_sub(4).max(1) as usize;
    let mut lines = vec![Line::default()];
    for (n, paragraph) in text.iter().enumerate() {
        let style = if n == 0 { app.theme.heading() } else { Style::new() };
        lines.extend(wrap(paragraph, width).into_iter().map(|l| Line::styled(format!("  {l}"), style)));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "Terminal too small ({}x{}): brief needs {MIN_WIDTH}x{MIN_HEIGHT}. q quits.",
        area.width, area.height
    );
    let lines: Vec<Line> = wrap(&text, area.width.max(1) as usize).into_iter().map(Line::from).collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_title(frame: &mut Frame, app: &App, area: Rect) {
    let dir = app.store.dir.display().to_string();
    // The boards' names take the right of the bar; the folder gets what is left.
    let tabs = super::boards::tabs(area.width).first().map_or(area.width, |(_, x, _)| *x);
    let count = match app.reading {
        Some(_) => "reading the folder".to_string(),
        None => format!("{} briefing(s)", app.loaded_len()),
    };
    let text = format!("— {} — {count}", crate::sanitize::neutralize(&dir));
    let line = Line::from(vec![
        Span::styled(" brief ", app.theme.accent()),
        Span::raw(panes::list::truncate(&text, usize::from(tabs.saturating_sub(8)))),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    super::boards::draw_tabs(frame, app, area);
}

fn draw_tabs(frame: &mut Frame, app: &App, area: Rect) {
    let mut spans = Vec::new();
    for (pane, label) in tab_labels() {
        let count = match pane {
            Pane::Summary => String::new(),
            _ => format!("({})", app.pane_len(pane)),
        };
        let style = if pane == app.pane {
            if app.focus == Focus::Detail { app.theme.selected() } else { app.theme.heading() }
        } else {
            Style::new()
        };
        spans.push(Span::styled(format!("{}{count}", label.trim_end()), style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_status(frame: &mut Frame, app: &App, area: Rect) {
    let position = match app.focus {
        _ if app.boards.open.is_some() || app.reading.is_some() => String::new(),
        Focus::List => {
            let at = app.list.position(app.list_selected).map_or(0, |p| p + 1);
            format!("{at}/{}", app.list.rows.len())
        }
        Focus::Detail => match app.pane {
            Pane::Summary => "summary".to_string(),
            pane => format!("{} {}/{}", pane.title(), app.selected_in(pane) + 1, app.pane_len(pane)),
        },
    };
    let mode = match (&app.overlay, app.focus) {
        (Some(Overlay::Help(_)), _) => "HELP",
        (Some(Overlay::Xref(_)), _) => "XREF",
        (Some(Overlay::Search(_)), _) => "SEARCH",
        (Some(Overlay::Article(_)), _) => "ARTICLE",
        (None, _) if app.boards.open.is_some() => "BOARD",
        // A first run reading the folder: no list yet.
        (None, _) if app.reading.is_some() => "LOADING",
        (None, Focus::List) => "LIST",
        (None, Focus::Detail) => "READ",
    };
    let hints: Vec<String> = status_hints(app)
        .iter()
        .filter_map(|(action, what)| Some(format!("{} {what}", keymap::key_for(action)?)))
        .collect();
    // A question waiting for y/n stands out; an empty message leaves no gap.
    let status_style = if app.prompt.is_some() { app.theme.selected() } else { Style::new() };
    let gap = if app.status.is_empty() { "" } else { "  " };
    // Search, cross-references and the boards wait for the folder's indexes (built off the loop).
    let indexing = if app.indexing.is_some() { "indexing…  " } else { "" };
    let line = Line::from(vec![
        Span::styled(format!(" {mode} "), app.theme.selected()),
        Span::raw(format!(" {position}  ")),
        Span::styled(indexing, app.theme.selected()),
        Span::styled(app.status.clone(), status_style),
        Span::styled(format!("{gap}{}", hints.join("  ")), app.theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// The few keys that matter in the current context.
fn status_hints(app: &App) -> Vec<(super::app::Action, &'static str)> {
    use super::app::Action;
    match (&app.overlay, app.focus) {
        (Some(Overlay::Xref(_)), _) => vec![(Action::Open, "jump"), (Action::Back, "close")],
        (Some(Overlay::Help(_) | Overlay::Article(_)), _) => vec![(Action::Back, "close")],
        // The search box has its own keys, listed in the box itself.
        (Some(Overlay::Search(_)), _) => Vec::new(),
        (None, _) if app.boards.open.is_some() => vec![
            (Action::Open, "go"),
            (Action::Filter, "filter"),
            (Action::Cycle, "show"),
            (Action::Sort, "sort"),
            (Action::Back, "back"),
        ],
        (None, Focus::List) => {
            vec![
                (Action::Open, "read"),
                (Action::Edit, "edit"),
                (Action::ToggleHelp, "help"),
                (Action::Quit, "quit"),
            ]
        }
        (None, Focus::Detail) => {
            vec![
                (Action::NextPane, "pane"),
                (Action::CrossReference, "xref"),
                (Action::OpenArticle, "article"),
                (Action::Export, "export"),
                (Action::ToggleHelp, "help"),
            ]
        }
    }
}

/// Wraps text on word boundaries to a display width (wide and combining characters counted right).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    super::wrap::wrap(text, width).into_iter().map(|line| text[line].to_string()).collect()
}

/// A bordered block whose border is highlighted when it has the focus.
pub fn block(title: String, focused: bool, theme: Theme) -> Block<'static> {
    let block = Block::new().borders(Borders::ALL).title(title);
    if focused { block.border_style(theme.accent()) } else { block }
}

/// A centered rectangle of at most `width` x `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height)
}

/// Clears an overlay's area before it draws.
pub fn clear(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
}
