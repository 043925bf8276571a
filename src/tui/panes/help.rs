//! The help overlay, generated from the keymap table. Taller than the terminal, it scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::tui::keymap::{action_name, active, active_in_boxes, keys_label};
use crate::tui::view::{self, Theme};

/// The help's lines, long ones wrapped so that the box (borders included) fits in `max_width` columns.
fn lines(theme: Theme, max_width: u16) -> Vec<Line<'static>> {
    let keys: Vec<String> = active().iter().map(keys_label).collect();
    let key_width = keys.iter().map(|k| k.width()).max().unwrap_or(0);
    let text_width = usize::from(max_width.saturating_sub(2)).saturating_sub(key_width + 4).max(10);
    let mut lines: Vec<Line> = Vec::new();
    for (binding, keys) in active().iter().zip(&keys) {
        // The action's name, which the settings' [keys] table uses, ends its description.
        let help = format!("{} [{}]", binding.help, action_name(&binding.action));
        for (i, part) in view::wrap(&help, text_width).into_iter().enumerate() {
            let label = if i == 0 { keys.as_str() } else { "" };
            let pad = " ".repeat(key_width - label.width());
            lines.push(Line::from(vec![
                Span::styled(format!(" {label}{pad}  "), theme.heading()),
                Span::raw(part),
            ]));
        }
    }
    lines.push(Line::raw(""));
    // Named too: the settings' [keys] reach the boxes (typed characters and Backspace stay text).
    let box_keys: Vec<String> = active_in_boxes()
        .iter()
        .filter(|b| !b.keys.is_empty())
        .map(|b| format!("{} {} [{}]", keys_label(b), b.help, action_name(&b.action)))
        .collect();
    let notes = [
        format!("In the search box and filters: {}.", box_keys.join(" · ")),
        "Mouse: click a briefing, tab or row; the wheel scrolls (the details, over their box).".to_string(),
    ];
    let note_width = usize::from(max_width.saturating_sub(4)).max(10);
    for note in notes {
        lines.extend(
            view::wrap(&note, note_width).into_iter().map(|l| Line::styled(format!(" {l}"), theme.dim())),
        );
    }
    lines
}

/// The box's place in `area`, and how many lines fit in it.
fn layout(area: Rect, lines: &[Line]) -> (Rect, usize) {
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 2;
    let box_area = view::centered(area, width, lines.len() as u16 + 2);
    (box_area, usize::from(box_area.height.saturating_sub(2)))
}

/// How many first lines the help can start at in a terminal of this size: 1 when it fits.
pub fn scroll_positions(viewport: (u16, u16), theme: Theme) -> usize {
    let lines = lines(theme, viewport.0);
    let (_, visible) = layout(Rect::new(0, 0, viewport.0, viewport.1), &lines);
    lines.len().saturating_sub(visible) + 1
}

pub fn draw(frame: &mut Frame, theme: Theme, area: Rect, scroll: usize) {
    let lines = lines(theme, area.width);
    let (box_area, visible) = layout(area, &lines);
    let total = lines.len();
    let scroll = scroll.min(total.saturating_sub(visible));
    let title = if visible < total {
        format!(" Keys {}–{} of {total} (j/k scroll) ", scroll + 1, (scroll + visible).min(total))
    } else {
        " Keys ".to_string()
    };
    view::clear(frame, box_area);
    let block = view::block(title, true, theme);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(visible).collect();
    frame.render_widget(Paragraph::new(shown).block(block), box_area);
}
