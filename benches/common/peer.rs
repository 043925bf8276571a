//! The peer frame both reader benchmarks compare with: ratatui drawing a screenful of text already
//! wrapped (a bordered paragraph of `height - 2` full lines), the least a frame of that size can cost on
//! the test backend.

use std::hint::black_box;

use criterion::Criterion;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn prewrapped_paragraph(c: &mut Criterion, name: &str, width: u16, height: u16) {
    let text = "North Korea has sent more than a million artillery shells to Russia, South Korea says. ";
    let line: String = text.chars().cycle().take(usize::from(width - 2)).collect();
    let lines: Vec<Line> = (0..height - 2).map(|_| Line::raw(line.clone())).collect();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    c.bench_function(name, |b| {
        b.iter(|| {
            terminal
                .draw(|frame| {
                    let paragraph =
                        Paragraph::new(black_box(lines.clone())).block(Block::new().borders(Borders::ALL));
                    frame.render_widget(paragraph, frame.area());
                })
                .expect("draw");
        })
    });
}
