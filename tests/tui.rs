//! The reader without a terminal: key sequences through `update`, and frames drawn on ratatui's
//! TestBackend compared with insta snapshots.

use std::path::Path;

use brief::model::ItemRef;
use brief::store::Store;
use brief::tui::app::{Action, App, Effect, Focus, Overlay, Pane, update, update_now};
use brief::tui::view::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(dir: &str) -> App {
    // Relative to the crate root (the test working directory), so snapshots do not contain the checkout path.
    let store = Store::load(Path::new(dir)).unwrap();
    let mut app = App::new(store);
    app.theme = Theme::PLAIN;
    app
}

fn seeds() -> App {
    app("briefings")
}

fn press(app: &mut App, actions: &[Action]) -> Vec<Effect> {
    actions.iter().filter_map(|a| update_now(app, a.clone())).collect()
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    update(app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().to_string()
}

fn position(app: &App, id: &str) -> usize {
    app.store.position(id).unwrap()
}

#[test]
fn moving_between_list_and_panes() {
    let mut app = seeds();
    assert_eq!((app.focus, app.list_selected), (Focus::List, 0));
    press(&mut app, &[Action::Down, Action::Down, Action::Up]);
    assert_eq!(app.list_selected, 1);
    press(&mut app, &[Action::Bottom]);
    assert_eq!(app.list_selected, 4, "G goes to the last briefing");
    press(&mut app, &[Action::Down]);
    assert_eq!(app.list_selected, 4, "the cursor stays in the list");
    press(&mut app, &[Action::Top, Action::Open]);
    assert_eq!(app.focus, Focus::Detail);
    press(&mut app, &[Action::NextPane, Action::NextPane]);
    assert_eq!(app.pane, Pane::Actors);
    press(&mut app, &[Action::PrevPane, Action::PrevPane, Action::PrevPane]);
    assert_eq!(app.pane, Pane::Questions, "Shift-Tab wraps around");
    press(&mut app, &[Action::ShowPane(Pane::Claims), Action::Down, Action::Down]);
    assert_eq!(app.selected_in(Pane::Claims), 2);
    press(&mut app, &[Action::FocusList, Action::Down]);
    assert_eq!(app.selected_in(Pane::Claims), 0, "another briefing starts at the top");
}

#[test]
fn cross_reference_jump_and_back() {
    let mut app = seeds();
    // The 2024 briefing's shell estimate updates the earlier counts.
    let newest = position(&app, "allies-condemn-pact-2024-06");
    app.list_selected = newest;
    let figures = &app.store.entries[newest].briefing.figures;
    let shells = figures.iter().position(|f| f.value == 1_600_000.0).expect("the 1.6 million figure");
    press(&mut app, &[Action::Open, Action::ShowPane(Pane::Figures)]);
    for _ in 0..shells {
        press(&mut app, &[Action::Down]);
    }
    press(&mut app, &[Action::CrossReference]);
    let Some(Overlay::Xref(view)) = &app.overlay else { panic!("x opens the cross-reference list") };
    let targets: Vec<usize> = view.links.iter().map(|l| l.to.briefing).collect();
    assert!(targets.contains(&position(&app, "blinken-seoul-2023-11")), "{targets:?}");
    assert!(targets.contains(&position(&app, "trilateral-nsa-seoul-2023-12")), "{targets:?}");

    let first = view.links[0].to;
    press(&mut app, &[Action::Open]);
    assert_eq!(app.overlay, None);
    assert_eq!(app.list_selected, first.briefing, "Enter jumps to the related briefing");
    assert_eq!(app.pane, Pane::of_item(first.item));
    let ItemRef::Figure(index) = first.item else { panic!("a figure relates to figures first") };
    assert_eq!(app.selected_in(Pane::Figures), index);

    press(&mut app, &[Action::Back]);
    assert_eq!((app.list_selected, app.pane), (newest, Pane::Figures), "Back returns");
    assert!(matches!(app.overlay, Some(Overlay::Xref(_))), "with the cross-reference list open again");
    press(&mut app, &[Action::Back]);
    assert_eq!(app.overlay, None, "Back closes the overlay");
}

#[test]
fn export_is_an_effect_and_its_outcome_shows_in_the_status_bar() {
    let mut app = seeds();
    assert_eq!(press(&mut app, &[Action::Export]), [Effect::Export { briefing: 0, force: false }]);
    press(&mut app, &[Action::Exported(Ok("./x.md".into()))]);
    assert_eq!(app.status, "exported to ./x.md");
    press(&mut app, &[Action::Exported(Err("x.md already exists".into()))]);
    assert_eq!(app.status, "export failed: x.md already exists");
}

#[test]
fn an_existing_export_asks_before_it_is_overwritten() {
    let mut app = seeds();
    let path = std::path::PathBuf::from("./x.md");
    press(&mut app, &[Action::ExportExists { briefing: 0, path: path.clone() }]);
    assert_eq!(app.status, "./x.md exists: overwrite it? (y/n)");
    assert!(
        screen(&mut app, 100, 30).contains("./x.md exists: overwrite it? (y/n)"),
        "asked in the status bar"
    );
    assert_eq!(press(&mut app, &[Action::Confirm(true)]), [Effect::Export { briefing: 0, force: true }]);
    assert_eq!(app.prompt, None);
    press(&mut app, &[Action::ExportExists { briefing: 0, path }]);
    assert_eq!(press(&mut app, &[Action::Confirm(false)]), []);
    assert_eq!(app.status, "not exported: the file is left as it was");
    assert_eq!(press(&mut app, &[Action::Confirm(true)]), [], "no question pending: nothing happens");
}

#[test]
fn status_messages_clear_at_the_next_key_or_when_their_time_is_up() {
    let mut app = seeds();
    press(&mut app, &[Action::Exported(Ok("./x.md".into()))]);
    assert_eq!(app.status, "exported to ./x.md");
    press(&mut app, &[Action::Down]);
    assert_eq!(app.status, "", "the next key clears it");
    press(&mut app, &[Action::Exported(Ok("./x.md".into())), Action::Resize { width: 90, height: 30 }]);
    assert_eq!(app.status, "exported to ./x.md", "a resize is not the user acting on it");
    press(&mut app, &[Action::ExpireStatus]);
    assert_eq!(app.status, "");
    // A key that says something new shows it.
    press(&mut app, &[Action::FocusDetail, Action::ShowPane(Pane::Claims), Action::CrossReference]);
    assert!(app.status.ends_with("related item(s)"), "{}", app.status);
}

#[test]
fn o_opens_only_an_http_source_and_y_copies_the_selected_quote() {
    let mut app = seeds();
    let url = app.current_briefing().unwrap().source.url.clone().unwrap();
    assert_eq!(press(&mut app, &[Action::OpenSource]), [Effect::Open(url)]);
    std::sync::Arc::get_mut(&mut app.store).unwrap().entries[0].briefing.source.url =
        Some("javascript:alert(1)".into());
    assert_eq!(press(&mut app, &[Action::OpenSource]), []);
    assert!(app.status.contains("not a plain http(s) address"), "{}", app.status);
    std::sync::Arc::get_mut(&mut app.store).unwrap().entries[0].briefing.source.url = None;
    assert_eq!(press(&mut app, &[Action::OpenSource]), []);
    assert_eq!(app.status, "this briefing gives no source URL");

    assert_eq!(press(&mut app, &[Action::Copy]), [], "nothing selected in the list");
    press(&mut app, &[Action::FocusDetail, Action::ShowPane(Pane::Claims)]);
    let quote = app.current_briefing().unwrap().claims[0].quote.clone();
    assert_eq!(press(&mut app, &[Action::Copy]), [Effect::Copy(quote)]);
    assert!(app.status.starts_with("copied the quote"), "{}", app.status);
    // The text is neutralised before it goes to the clipboard.
    std::sync::Arc::get_mut(&mut app.store).unwrap().entries[0].briefing.claims[0].quote =
        "a\u{1b}]0;x\u{7}b".into();
    assert_eq!(press(&mut app, &[Action::Copy]), [Effect::Copy("a␛]0;x␇b".into())]);
}

#[test]
fn help_toggles_and_quit_quits() {
    let mut app = seeds();
    press(&mut app, &[Action::ToggleHelp]);
    assert_eq!(app.overlay, Some(Overlay::Help(0)));
    press(&mut app, &[Action::ToggleHelp]);
    assert_eq!(app.overlay, None);
    press(&mut app, &[Action::Quit]);
    assert!(app.quit);
}

#[test]
fn help_taller_than_the_terminal_scrolls_to_its_last_line_and_back() {
    let mut app = seeds();
    update(&mut app, Action::Resize { width: 80, height: 24 });
    press(&mut app, &[Action::ToggleHelp, Action::Bottom]);
    let bottom = screen(&mut app, 80, 24);
    assert!(bottom.contains("Mouse: click"), "the last help line shows at the end:\n{bottom}");
    assert!(!bottom.contains("show or hide this help"), "the first lines scrolled away:\n{bottom}");
    insta::assert_snapshot!("help_80x24_end", bottom);
    // One step up from the end moves at once (no hidden scroll past the end).
    press(&mut app, &[Action::Down, Action::Down, Action::Up, Action::Top]);
    assert_eq!(app.overlay, Some(Overlay::Help(0)));
    assert!(screen(&mut app, 80, 24).contains("show or hide this help"));
    press(&mut app, &[Action::Bottom, Action::Up]);
    let Some(Overlay::Help(one_up)) = app.overlay else { panic!("help closed") };
    press(&mut app, &[Action::Down]);
    assert_eq!(app.overlay, Some(Overlay::Help(one_up + 1)));
}

#[test]
fn a_detail_longer_than_its_box_scrolls_with_shift_j_and_k_and_starts_over_on_the_next_item() {
    let mut app = seeds();
    update(&mut app, Action::Resize { width: 80, height: 24 });
    press(&mut app, &[Action::Open, Action::ShowPane(Pane::Claims)]);
    let rows = view::detail_rows(app.viewport);
    // The first claim whose details (text, attribution, quote, related items) do not fit.
    while app.wrapped.detail.len() <= rows {
        let before = app.selected_in(Pane::Claims);
        press(&mut app, &[Action::Down]);
        assert_ne!(app.selected_in(Pane::Claims), before, "no claim's details overflow at 80x24");
    }
    let hidden = app.wrapped.detail.len() - rows;
    let top = screen(&mut app, 80, 24);
    assert!(top.contains(&format!("1–{rows} of {} (J/K)", app.wrapped.detail.len())), "{top}");
    assert!(!top.contains("in other briefings"), "the last line (related items) is below the box:\n{top}");
    press(&mut app, &[Action::DetailUp]);
    assert_eq!(app.detail_scroll, 0);
    press(&mut app, &vec![Action::DetailDown; hidden + 3]);
    assert_eq!(app.detail_scroll, hidden, "scrolls as far as the last line and no further");
    let end = screen(&mut app, 80, 24);
    assert!(end.contains("in other briefings"), "{end}");
    press(&mut app, &[Action::DetailUp]);
    assert_eq!(app.detail_scroll, hidden - 1, "one step back moves at once");
    // The wheel over the detail box scrolls it; over the table it moves the selection.
    let regions = view::layout(app.viewport);
    let selected = app.selected_in(Pane::Claims);
    press(
        &mut app,
        &[Action::Wheel { column: regions.detail.x + 2, row: regions.detail.y + 2, down: false }],
    );
    assert_eq!((app.detail_scroll, app.selected_in(Pane::Claims)), (hidden - 2, selected));
    press(&mut app, &[Action::Wheel { column: regions.pane.x + 2, row: regions.pane.y + 3, down: true }]);
    assert_eq!(app.selected_in(Pane::Claims), selected + 1, "the wheel over the table moves the selection");
    assert_eq!(app.detail_scroll, 0, "another item's details start at the top");
}

#[test]
fn clicks_select_briefings_tabs_and_rows() {
    let mut app = seeds();
    update(&mut app, Action::Resize { width: 120, height: 40 });
    let regions = view::layout((120, 40));
    press(&mut app, &[Action::Click { column: 2, row: regions.list.y + 3 }]);
    assert_eq!((app.focus, app.list_selected), (Focus::List, 2));
    let tab_column = regions.tabs.x + 25;
    let pane = view::tab_at(25).unwrap();
    press(&mut app, &[Action::Click { column: tab_column, row: regions.tabs.y }]);
    assert_eq!((app.focus, app.pane), (Focus::Detail, pane));
    press(
        &mut app,
        &[
            Action::ShowPane(Pane::Actors),
            Action::Click { column: regions.pane.x + 3, row: regions.pane.y + 4 },
        ],
    );
    assert_eq!(app.selected_in(Pane::Actors), 2);
}

#[test]
fn snapshots_of_each_pane_at_two_sizes() {
    let mut app = seeds();
    press(&mut app, &[Action::Open]);
    for (width, height) in [(80, 24), (160, 48)] {
        for pane in Pane::ALL {
            press(&mut app, &[Action::ShowPane(pane), Action::Down]);
            let name = format!("pane_{}_{width}x{height}", pane.title().to_lowercase());
            insta::assert_snapshot!(name, screen(&mut app, width, height));
        }
    }
}

#[test]
fn snapshots_of_overlays_and_small_screens() {
    let mut app = seeds();
    press(&mut app, &[Action::ToggleHelp]);
    insta::assert_snapshot!("help_100x32", screen(&mut app, 100, 32));
    press(
        &mut app,
        &[Action::ToggleHelp, Action::Open, Action::ShowPane(Pane::Claims), Action::CrossReference],
    );
    insta::assert_snapshot!("xref_120x36", screen(&mut app, 120, 36));
    for (width, height) in [(39, 20), (80, 9), (1, 1)] {
        let text = screen(&mut app, width, height);
        if width > 20 {
            assert!(text.contains("Terminal too small"), "{width}x{height}: {text}");
        }
        insta::assert_snapshot!(format!("too_small_{width}x{height}"), text);
    }
}

#[test]
fn failed_files_are_listed_with_their_errors() {
    let mut app = app("tests/fixtures/broken");
    let failed = app.store.entries.len();
    app.list_selected = failed;
    let text = screen(&mut app, 120, 30);
    assert!(text.contains("✗ bad-date.toml"), "{text}");
    assert!(text.contains("This file failed to load:"), "{text}");
    assert!(text.contains("does not exist (month 2 of 2023 has 28 days)"), "{text}");
}

#[test]
fn hostile_text_is_drawn_with_visible_stand_ins() {
    let mut app = app("tests/fixtures/hostile");
    press(&mut app, &[Action::Open, Action::ShowPane(Pane::Figures)]);
    let text = screen(&mut app, 120, 30);
    assert!(text.contains("Twelve␛[31m red␛[0m shells."), "{text}");
    assert!(!text.contains('\u{1b}'));
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::SearchInput).collect()
}

#[test]
fn search_updates_as_you_type_jumps_steps_and_cancels() {
    let mut app = seeds();
    press(&mut app, &[Action::Search]);
    press(&mut app, &typed("Kim Jong-Un"));
    let Some(Overlay::Search(view)) = &app.overlay else { panic!("the search box is open") };
    assert!(view.total >= 5 && view.error.is_none(), "{view:?}");
    let first = view.hits[0].clone();
    // Enter jumps to the hit and selects it.
    press(&mut app, &[Action::Open]);
    assert!(app.overlay.is_none());
    assert_eq!(app.list_selected, first.briefing);
    assert_eq!(app.pane, Pane::Actors);
    let actor = app.current_briefing().unwrap().actors[app.selected_in(Pane::Actors)].name.clone();
    assert_eq!(actor, "Kim Jong Un");
    // n steps to the next hit, N back; Back returns through each jump.
    press(&mut app, &[Action::NextHit]);
    let second = (app.list_selected, app.pane, app.selected_in(app.pane));
    assert_ne!(second, (first.briefing, Pane::Actors, 0).clone());
    press(&mut app, &[Action::PrevHit]);
    assert_eq!(app.list_selected, first.briefing);
    assert!(app.highlight.is_some(), "matches stay highlighted after the jump");

    // Esc in the box returns to where we were, with nothing highlighted.
    let before = (app.list_selected, app.pane, app.selected_in(app.pane));
    press(&mut app, &[Action::Search]);
    press(&mut app, &typed("shells"));
    press(&mut app, &[Action::Down, Action::Back]);
    assert_eq!((app.list_selected, app.pane, app.selected_in(app.pane)), before);
    assert!(app.overlay.is_none() && app.highlight.is_none());
}

#[test]
fn a_query_that_does_not_parse_says_why_and_keeps_the_box_open() {
    let mut app = seeds();
    press(&mut app, &[Action::Search]);
    press(&mut app, &typed("\"artillery"));
    let Some(Overlay::Search(view)) = &app.overlay else { panic!("the search box is open") };
    assert_eq!(view.error.as_deref(), Some("column 1: this quote is never closed"));
    press(&mut app, &typed(" shells\""));
    let Some(Overlay::Search(view)) = &app.overlay else { panic!("the search box is open") };
    assert!(view.error.is_none() && view.total > 0);
    press(&mut app, &[Action::SearchClear]);
    let Some(Overlay::Search(view)) = &app.overlay else { panic!("the search box is open") };
    assert_eq!((view.input.as_str(), view.total), ("", 0));
}

#[test]
fn snapshots_of_search_results_and_highlighted_panes() {
    let mut app = seeds();
    press(&mut app, &[Action::Search]);
    press(&mut app, &typed("DPRK shells"));
    insta::assert_snapshot!("search_80x24", screen(&mut app, 80, 24));
    insta::assert_snapshot!("search_160x48", screen(&mut app, 160, 48));
    press(&mut app, &[Action::Open]);
    insta::assert_snapshot!("search_jumped_160x48", screen(&mut app, 160, 48));
}

#[test]
fn search_matches_are_drawn_in_the_match_style() {
    let mut app = seeds();
    press(&mut app, &[Action::Search]);
    press(&mut app, &typed("shells"));
    press(&mut app, &[Action::Open]);
    update(&mut app, Action::Resize { width: 160, height: 48 });
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    terminal.draw(|frame| view::draw(frame, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    let underlined = |y: u16| -> String {
        (0..160)
            .map(|x| &buffer[(x, y)])
            .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
            .map(|c| c.symbol())
            .collect()
    };
    let marked: Vec<String> = (0..48).map(underlined).filter(|s| !s.is_empty()).collect();
    assert!(!marked.is_empty(), "some match is highlighted");
    assert!(
        marked.iter().all(|s| s.to_lowercase().replace("shells", "").replace("shell", "").is_empty()),
        "{marked:?}"
    );
}

#[test]
fn the_article_opens_at_the_selected_claims_sentence_and_rewraps_on_resize() {
    let mut app = seeds();
    update(&mut app, Action::Resize { width: 100, height: 30 });
    let at = position(&app, "blinken-seoul-2023-11");
    app.list_selected = at;
    press(&mut app, &[Action::ShowPane(Pane::Claims), Action::Down, Action::Down, Action::OpenArticle]);
    let quote = app.store.entries[at].briefing.claims[2].quote.clone();
    let marked = |app: &App| -> (String, usize, usize) {
        let Some(Overlay::Article(view)) = &app.overlay else { panic!("the article is open") };
        let text: Vec<&str> =
            view.lines.iter().filter_map(|l| l.marked.clone().map(|r| &l.text[r])).collect();
        let first = view.lines.iter().position(|l| l.marked.is_some()).unwrap();
        (text.join(" "), first, view.scroll)
    };
    let (text, first, scroll) = marked(&app);
    assert_eq!(text, brief::store::fold_whitespace(&quote));
    assert!(scroll <= first && first < scroll + 10, "the sentence is scrolled into view");
    insta::assert_snapshot!("article_100x30", screen(&mut app, 100, 30));
    update(&mut app, Action::Resize { width: 60, height: 30 });
    assert_eq!(marked(&app).0, brief::store::fold_whitespace(&quote), "re-wrapped for the new width");
    press(&mut app, &[Action::Back]);
    assert!(app.overlay.is_none());
}

#[test]
fn snapshots_of_overlays_at_both_sizes() {
    let mut app = seeds();
    press(&mut app, &[Action::Open, Action::ShowPane(Pane::Claims)]);
    for (width, height) in [(80, 24), (160, 48)] {
        press(&mut app, &[Action::ToggleHelp]);
        insta::assert_snapshot!(format!("help_{width}x{height}"), screen(&mut app, width, height));
        press(&mut app, &[Action::ToggleHelp, Action::CrossReference]);
        insta::assert_snapshot!(format!("xref_{width}x{height}"), screen(&mut app, width, height));
        press(&mut app, &[Action::Back, Action::OpenArticle]);
        insta::assert_snapshot!(format!("article_{width}x{height}"), screen(&mut app, width, height));
        press(&mut app, &[Action::Back]);
    }
}

#[test]
fn every_size_below_the_minimum_says_so_and_none_panics() {
    let mut app = seeds();
    press(&mut app, &[Action::Open, Action::ShowPane(Pane::Claims), Action::CrossReference]);
    for width in 1..=view::MIN_WIDTH + 2 {
        for height in 1..=view::MIN_HEIGHT + 2 {
            let text = screen(&mut app, width, height);
            let small = width < view::MIN_WIDTH || height < view::MIN_HEIGHT;
            if small && width >= 20 && height >= 4 {
                assert!(text.contains("Terminal too small"), "{width}x{height}: {text}");
            }
            assert_eq!(!small, text.contains("related to:"), "{width}x{height}: {text}");
        }
    }
}

#[test]
fn the_summary_scrolls_to_its_last_page_and_back_at_once() {
    let mut app = seeds();
    update(&mut app, Action::Resize { width: 80, height: 24 });
    press(&mut app, &[Action::Open, Action::ShowPane(Pane::Summary)]);
    let lines = app.wrapped.summary.len();
    let visible = view::summary_rows(app.viewport);
    assert!(lines > visible, "the seed summary is longer than a page at 80x24");
    press(&mut app, &[Action::Bottom]);
    assert_eq!(app.selected_in(Pane::Summary), lines - visible, "G shows the last page");
    assert!(screen(&mut app, 80, 24).contains("open questions"), "the counts line ends the summary");
    press(&mut app, &[Action::PageDown, Action::Down]);
    assert_eq!(app.selected_in(Pane::Summary), lines - visible, "no scrolling past the end");
    press(&mut app, &[Action::Up]);
    assert_eq!(app.selected_in(Pane::Summary), lines - visible - 1, "one key back moves one line back");
}

/// Hangul, emoji and a combining accent wrap to the cells they take: no line is cut at the pane's edge,
/// and a word wider than the pane is broken between characters.
#[test]
fn snapshots_of_wide_and_combining_characters() {
    let mut app = app("tests/fixtures/wide");
    press(&mut app, &[Action::Open]);
    let summary = screen(&mut app, 80, 24);
    insta::assert_snapshot!("wide_summary_80x24", summary);
    for word in ["👨‍👩‍👧", "❤️", "Sho\u{301}igu", "🇰🇵🇷🇺", "김정은"] {
        assert!(summary.contains(word), "{word} is drawn whole: {summary}");
    }
    press(&mut app, &[Action::ShowPane(Pane::Claims)]);
    insta::assert_snapshot!("wide_claims_80x24", screen(&mut app, 80, 24));
    press(&mut app, &[Action::ShowPane(Pane::Summary)]);
    insta::assert_snapshot!("wide_summary_44x16", screen(&mut app, 44, 16));
}

#[test]
fn an_empty_folder_says_how_to_add_briefings() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(Store::load(dir.path()).unwrap());
    app.theme = Theme::PLAIN;
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("No briefings in"), "{shown}");
    assert!(shown.contains("convert ARTICLE"), "{shown}");
}

#[test]
fn the_settings_choose_the_palette_and_no_color_keeps_its_word() {
    use brief::config::Theme as Settings;
    use ratatui::style::Color;
    let light = Theme::from_settings(&Settings { light: true, ..Settings::default() });
    assert_eq!(light.palette.accent, Color::Blue);
    let custom = Theme::from_settings(&Settings { matched: Some("#ff8800".into()), ..Settings::default() });
    assert_eq!(custom.palette.matched, Color::Rgb(0xff, 0x88, 0x00));
    assert_eq!(custom.palette.accent, Color::Cyan, "the rest from the dark theme");
    assert_eq!(custom.color, Theme::from_env().color, "NO_COLOR decides whether there is colour at all");
    assert_eq!(Theme { color: true, ..custom }.matched().fg, Some(Color::Rgb(0xff, 0x88, 0x00)));
    assert_eq!(Theme { color: false, ..custom }.matched().fg, None);
}

/// Presses `keys` (characters, and `^g` for Ctrl-g) through `maps`, as the event loop does: in the search
/// box or a filter the box's bindings, elsewhere the reader's.
fn keys(app: &mut App, maps: &brief::tui::keymap::Keymaps, keys: &str) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut chars = keys.chars();
    while let Some(c) = chars.next() {
        let key = match c {
            '^' => KeyEvent::new(KeyCode::Char(chars.next().unwrap()), KeyModifiers::CONTROL),
            '\r' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            '\x1b' => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
            '\x7f' => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
            c if c.is_uppercase() => KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT),
            c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        };
        if let Some(action) = maps.action_for_key(key, app.typing()) {
            update_now(app, action);
        }
    }
}

fn search_text(app: &App) -> Option<String> {
    match &app.overlay {
        Some(Overlay::Search(view)) => Some(view.input.clone()),
        _ => None,
    }
}

#[test]
fn remapped_keys_reach_the_search_box_and_filters_but_typed_characters_stay_text() {
    let settings = "[keys]\nquit = \"Q\"\nback = [\"Esc\", \"Ctrl-g\"]\nopen = [\"Enter\", \"Ctrl-j\"]\n\
                    search-clear = \"Ctrl-w\"\n";
    let (settings, problems) = brief::config::Config::parse(Path::new("c.toml"), settings);
    assert!(problems.is_empty(), "{problems:?}");
    let maps = brief::tui::keymap::remapped(&settings.keys).unwrap();
    let mut app = seeds();

    // Q is quit, but in the box it is a letter of the query; Ctrl-w clears it, Ctrl-g cancels.
    keys(&mut app, &maps, "/Quiet");
    assert_eq!(search_text(&app).as_deref(), Some("Quiet"));
    assert!(!app.quit);
    keys(&mut app, &maps, "^wshells");
    assert_eq!(search_text(&app).as_deref(), Some("shells"));
    keys(&mut app, &maps, "^g");
    assert_eq!(search_text(&app), None, "Ctrl-g (back) cancels the search");
    assert!(app.highlight.is_none());
    // Ctrl-j (open) jumps to the hit.
    keys(&mut app, &maps, "/shells^j");
    assert_eq!(search_text(&app), None);
    assert!(app.highlight.is_some(), "jumped to a hit");
    keys(&mut app, &maps, "^g^g");

    // The list's filter: the same keys.
    keys(&mut app, &maps, "fQ");
    assert!(app.typing() && !app.quit);
    keys(&mut app, &maps, "^g");
    assert!(!app.typing(), "Ctrl-g clears the filter and leaves it");
    keys(&mut app, &maps, "Q");
    assert!(app.quit, "outside the boxes Q quits");
}

#[test]
fn a_cross_reference_list_cut_to_its_best_links_says_how_many_there_are() {
    let mut app = seeds();
    press(&mut app, &[Action::Open, Action::ShowPane(Pane::Claims), Action::CrossReference]);
    let Some(Overlay::Xref(view)) = &mut app.overlay else { panic!("{}", app.status) };
    // As the list worked out over the cache's graph comes when an item has more links than it lists.
    let listed = view.links.len();
    assert!(listed > 1);
    view.links.truncate(listed - 1);
    view.total = listed + 500;
    let frame = screen(&mut app, 120, 36);
    let expected = format!(" {} related, the best {} listed to: ", listed + 500, listed - 1);
    assert!(frame.contains(&expected), "{frame}");
    insta::assert_snapshot!("xref_cut_120x36", frame);
}
