//! The help overlay, generated from the keymap table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::tui::keymap::{KEYMAP, SEARCH_KEYMAP, keys_label};
use crate::tui::view::{self, Theme};

pub fn draw(frame: &mut Frame, theme: Theme, area: Rect) {
    let keys: Vec<String> = KEYMAP.iter().map(keys_label).collect();
    let key_width = keys.iter().map(|k| k.width()).max().unwrap_or(0);
    let mut lines: Vec<Line> = KEYMAP
        .iter()
        .zip(&keys)
        .map(|(binding, keys)| {
            let pad = " ".repeat(key_width - keys.width());
            Line::from(vec![
                Span::styled(format!(" {keys}{pad}  "), theme.heading()),
                Span::raw(binding.help),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    let search_keys: Vec<String> =
        SEARCH_KEYMAP.iter().map(|b| format!("{} {}", keys_label(b), b.help)).collect();
    lines.push(Line::styled(format!(" In the search box: {}.", search_keys.join(" · ")), theme.dim()));
    lines.push(Line::styled(" Mouse: click a briefing, tab or row; the wheel scrolls.", theme.dim()));
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 2;
    let box_area = view::centered(area, width, lines.len() as u16 + 2);
    view::clear(frame, box_area);
    let block = view::block(" Keys ".to_string(), true, theme);
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
