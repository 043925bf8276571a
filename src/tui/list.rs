//! The briefing list as the reader shows it: the store's rows in the order chosen (`s`: newest first,
//! by title, by outlet), narrowed by a filter typed as you go (`f`: every word must be in the title,
//! outlet, id, date or tags, ignoring case and accents), drawn full, narrow or hidden (`w`) so that on a
//! small terminal the panes get the room. `App::list_selected` stays the store row of the selected
//! briefing; this keeps the order the cursor moves in.

use super::app::{Action, App, Focus};
use super::boards::{Input, fold, matches, moved};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Newest first: the store's own order.
    #[default]
    Date,
    Title,
    Outlet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Width {
    #[default]
    Full,
    /// Wide enough for the dates and the start of the titles.
    Narrow,
    Hidden,
}

#[derive(Debug, Default)]
pub struct ListView {
    /// The rows shown, in order: positions in the store's entries, then, for the files that failed to
    /// load, the number of entries plus their position in `failed`.
    pub rows: Vec<usize>,
    pub order: Order,
    pub width: Width,
    pub filter: Input,
    /// Each row's text folded for the filter, made when first needed after a load.
    folded: Vec<String>,
}

impl ListView {
    /// Where a store row is in the list, if it is shown.
    pub fn position(&self, row: usize) -> Option<usize> {
        self.rows.iter().position(|&r| r == row)
    }

    pub fn typing(&self) -> bool {
        self.filter.typing
    }
}

/// Works out the rows after a load, a reload, a new filter or order; the selected briefing stays
/// selected if it is still shown, else the first row is.
pub fn refresh(app: &mut App) {
    let failed = &app.store.failed;
    let loaded = app.loaded_len();
    let total = loaded + failed.len();
    let words = app.list.filter.words();
    if !words.is_empty() && app.list.folded.len() != total {
        let mut folded: Vec<String> = (0..loaded)
            .filter_map(|i| app.list_row(i))
            .map(|b| {
                let date = b.published.map_or(String::new(), |d| d.to_string());
                fold(&format!("{} {} {} {date} {}", b.title, b.outlet, b.id, b.tags.join(" ")))
            })
            .collect();
        folded.extend(failed.iter().map(|p| fold(&super::app::file_name(p))));
        app.list.folded = folded;
    }
    let mut rows: Vec<usize> =
        (0..total).filter(|&r| words.is_empty() || matches(&app.list.folded[r], &words)).collect();
    let key = |r: &usize| app.list_row(*r);
    match app.list.order {
        Order::Date => {}
        // Failed files stay last, in name order.
        Order::Title => rows.sort_by_cached_key(|r| (key(r).is_none(), key(r).map(|b| fold(b.title)), *r)),
        Order::Outlet => rows.sort_by_cached_key(|r| (key(r).is_none(), key(r).map(|b| fold(b.outlet)), *r)),
    }
    let view = &mut app.list;
    view.rows = rows;
    if view.position(app.list_selected).is_none()
        && let Some(&first) = view.rows.first()
    {
        app.list_selected = first;
        app.selection = [0; 5];
    }
}

/// The store has changed: the folded texts are of the old one.
pub fn forget(app: &mut App) {
    app.list.folded.clear();
}

/// Moves the list's cursor in the order shown.
pub fn step(app: &mut App, delta: isize, to_end: Option<bool>) {
    let rows = &app.list.rows;
    let Some(at) = app.list.position(app.list_selected) else {
        if let Some(&first) = rows.first() {
            app.list_selected = first;
        }
        return;
    };
    let movement = match to_end {
        Some(end) => Err(end),
        None => Ok(delta),
    };
    let now = rows[moved(at, rows.len(), movement)];
    if now != app.list_selected {
        app.list_selected = now;
        app.selection = [0; 5];
    }
}

/// The list's answer to an action, while no board is open: `None` leaves it to the reader.
pub fn apply(app: &mut App, action: &Action) -> Option<()> {
    if app.list.filter.typing {
        match (app.list.filter.edit(action), action) {
            (Some(changed), _) => {
                if changed {
                    refresh(app);
                }
                return Some(());
            }
            (None, Action::Open) => {
                app.list.filter.typing = false;
                return Some(());
            }
            (None, Action::Back) => {
                app.list.filter.typing = false;
                app.list.filter.text.clear();
                refresh(app);
                return Some(());
            }
            _ => {}
        }
    }
    match action {
        Action::Filter => {
            app.list.filter.typing = true;
            app.focus = Focus::List;
            if app.list.width == Width::Hidden {
                app.list.width = Width::Full;
            }
            app.status = format!("type to filter the list; {}", super::keymap::filter_hint());
        }
        Action::Sort => {
            (app.list.order, app.status) = match app.list.order {
                Order::Date => (Order::Title, "briefings by title".into()),
                Order::Title => (Order::Outlet, "briefings by outlet".into()),
                Order::Outlet => (Order::Date, "briefings newest first".into()),
            };
            refresh(app);
        }
        Action::ListWidth => {
            app.list.width = match app.list.width {
                Width::Full => Width::Narrow,
                Width::Narrow => Width::Hidden,
                Width::Hidden => Width::Full,
            };
            if app.list.width == Width::Hidden && app.current().is_some() {
                app.focus = Focus::Detail;
            }
        }
        // Esc on a filtered list clears the filter before anything else.
        Action::Back
            if app.overlay.is_none() && app.focus == Focus::List && !app.list.filter.text.is_empty() =>
        {
            app.list.filter.text.clear();
            refresh(app);
        }
        Action::FocusList if app.list.width == Width::Hidden => {
            app.list.width = Width::Full;
            return None;
        }
        Action::Cycle => app.status = "c changes what a board shows: open one with F Q A T S".into(),
        _ => return None,
    }
    Some(())
}
