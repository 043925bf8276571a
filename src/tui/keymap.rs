//! The one table of key bindings: dispatch reads it, and so does the help overlay, so help can never
//! drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

use super::app::{Action, Pane};
use super::boards::Board;
use std::sync::OnceLock;

#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub action: Action,
    pub help: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

pub const KEYMAP: &[Binding] = &[
    Binding {
        keys: &[(KeyCode::Char('q'), NONE), (KeyCode::Char('c'), CTRL)],
        action: Action::Quit,
        help: "quit",
    },
    Binding {
        keys: &[(KeyCode::Char('?'), NONE), (KeyCode::F(1), NONE)],
        action: Action::ToggleHelp,
        help: "show or hide this help",
    },
    Binding { keys: &[(KeyCode::Tab, NONE)], action: Action::NextPane, help: "next pane" },
    Binding {
        keys: &[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE)],
        action: Action::PrevPane,
        help: "previous pane",
    },
    Binding {
        keys: &[(KeyCode::Char('1'), NONE)],
        action: Action::ShowPane(Pane::Summary),
        help: "Summary pane",
    },
    Binding {
        keys: &[(KeyCode::Char('2'), NONE)],
        action: Action::ShowPane(Pane::Figures),
        help: "Figures pane",
    },
    Binding {
        keys: &[(KeyCode::Char('3'), NONE)],
        action: Action::ShowPane(Pane::Actors),
        help: "Actors pane",
    },
    Binding {
        keys: &[(KeyCode::Char('4'), NONE)],
        action: Action::ShowPane(Pane::Claims),
        help: "Claims pane",
    },
    Binding {
        keys: &[(KeyCode::Char('5'), NONE)],
        action: Action::ShowPane(Pane::Questions),
        help: "Questions pane",
    },
    Binding {
        keys: &[(KeyCode::Char('h'), NONE), (KeyCode::Left, NONE)],
        action: Action::FocusList,
        help: "go to the briefing list",
    },
    Binding {
        keys: &[(KeyCode::Char('l'), NONE), (KeyCode::Right, NONE)],
        action: Action::FocusDetail,
        help: "go to the briefing",
    },
    Binding {
        keys: &[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)],
        action: Action::Down,
        help: "next row / scroll down",
    },
    Binding {
        keys: &[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)],
        action: Action::Up,
        help: "previous row / scroll up",
    },
    Binding {
        keys: &[(KeyCode::Char('g'), NONE), (KeyCode::Home, NONE)],
        action: Action::Top,
        help: "first row",
    },
    Binding {
        keys: &[(KeyCode::Char('G'), SHIFT), (KeyCode::Char('G'), NONE), (KeyCode::End, NONE)],
        action: Action::Bottom,
        help: "last row",
    },
    Binding { keys: &[(KeyCode::PageDown, NONE)], action: Action::PageDown, help: "page down" },
    Binding { keys: &[(KeyCode::PageUp, NONE)], action: Action::PageUp, help: "page up" },
    Binding { keys: &[(KeyCode::Char('d'), CTRL)], action: Action::HalfPageDown, help: "half a page down" },
    Binding { keys: &[(KeyCode::Char('u'), CTRL)], action: Action::HalfPageUp, help: "half a page up" },
    Binding {
        keys: &[(KeyCode::Char('J'), SHIFT), (KeyCode::Char('J'), NONE)],
        action: Action::DetailDown,
        help: "scroll the selected item's details down (when they are longer than their box)",
    },
    Binding {
        keys: &[(KeyCode::Char('K'), SHIFT), (KeyCode::Char('K'), NONE)],
        action: Action::DetailUp,
        help: "scroll the selected item's details up",
    },
    Binding {
        keys: &[(KeyCode::Enter, NONE)],
        action: Action::Open,
        help: "open: the briefing, an item's cross-references, a related item",
    },
    Binding {
        keys: &[(KeyCode::Char('x'), NONE)],
        action: Action::CrossReference,
        help: "cross-reference the selected item",
    },
    Binding {
        keys: &[(KeyCode::Char('o'), NONE)],
        action: Action::OpenArticle,
        help: "read the source article at the selected item's sentence",
    },
    Binding {
        keys: &[(KeyCode::Char('/'), NONE)],
        action: Action::Search,
        help: "search every briefing (words, \"phrases\", -not, actor: claim: figure: ...)",
    },
    Binding { keys: &[(KeyCode::Char('n'), NONE)], action: Action::NextHit, help: "next search hit" },
    Binding {
        keys: &[(KeyCode::Char('N'), SHIFT), (KeyCode::Char('N'), NONE)],
        action: Action::PrevHit,
        help: "previous search hit",
    },
    Binding {
        keys: &[(KeyCode::Esc, NONE), (KeyCode::Backspace, NONE)],
        action: Action::Back,
        help: "back: close the overlay, or return to where you were",
    },
    Binding {
        keys: &[(KeyCode::Char('e'), NONE)],
        action: Action::Export,
        help: "export the briefing to ./ID.md (asks before overwriting: y/n)",
    },
    Binding {
        keys: &[(KeyCode::Char('E'), SHIFT), (KeyCode::Char('E'), NONE)],
        action: Action::Edit,
        help: "edit the briefing's file in $VISUAL / $EDITOR, then reload it",
    },
    Binding {
        keys: &[(KeyCode::Char('z'), CTRL)],
        action: Action::Suspend,
        help: "suspend to the shell (fg to come back)",
    },
    Binding {
        keys: &[(KeyCode::Char('F'), SHIFT), (KeyCode::Char('F'), NONE)],
        action: Action::ShowBoard(Board::Figures),
        help: "Figures board: every counted thing of the folder, its values by source and over time",
    },
    Binding {
        keys: &[(KeyCode::Char('Q'), SHIFT), (KeyCode::Char('Q'), NONE)],
        action: Action::ShowBoard(Board::Questions),
        help: "Questions board: every open question, and whether a later briefing addresses it",
    },
    Binding {
        keys: &[(KeyCode::Char('A'), SHIFT), (KeyCode::Char('A'), NONE)],
        action: Action::ShowBoard(Board::Actors),
        help: "Actors board: every actor, its roles, briefings, claims and the claims naming it",
    },
    Binding {
        keys: &[(KeyCode::Char('T'), SHIFT), (KeyCode::Char('T'), NONE)],
        action: Action::ShowBoard(Board::Timeline),
        help: "Timeline: briefings and claims by month (on the actors or sources board: the selected one's)",
    },
    Binding {
        keys: &[(KeyCode::Char('S'), SHIFT), (KeyCode::Char('S'), NONE)],
        action: Action::ShowBoard(Board::Sources),
        help: "Sources board: outlets and claimants, their grades, claims corroborated and contradicted",
    },
    Binding {
        keys: &[(KeyCode::Char('O'), SHIFT), (KeyCode::Char('O'), NONE)],
        action: Action::OpenSource,
        help: "open the briefing's source URL in the browser (http and https only)",
    },
    Binding {
        keys: &[(KeyCode::Char('y'), NONE)],
        action: Action::Copy,
        help: "copy the selected item's quote to the clipboard (OSC 52)",
    },
    Binding {
        keys: &[(KeyCode::Char('f'), NONE)],
        action: Action::Filter,
        help: "filter the briefing list or the board as you type (Enter keeps it, Esc clears it)",
    },
    Binding {
        keys: &[(KeyCode::Char('s'), NONE)],
        action: Action::Sort,
        help: "sort the briefing list (date, title, outlet) or the actors or sources board",
    },
    Binding {
        keys: &[(KeyCode::Char('c'), NONE)],
        action: Action::Cycle,
        help: "on a board, change what it shows: differing figures, open questions, a kind, ...",
    },
    Binding {
        keys: &[(KeyCode::Char('w'), NONE)],
        action: Action::ListWidth,
        help: "narrow, hide or restore the briefing list (more room for the panes)",
    },
];

/// Keys while the search box or a filter is open; any other printable character is typed into it.
pub const SEARCH_KEYMAP: &[Binding] = &[
    Binding { keys: &[(KeyCode::Enter, NONE)], action: Action::Open, help: "jump to the hit" },
    Binding { keys: &[(KeyCode::Esc, NONE)], action: Action::Back, help: "cancel" },
    Binding {
        keys: &[(KeyCode::Down, NONE), (KeyCode::Char('n'), CTRL)],
        action: Action::Down,
        help: "next hit",
    },
    Binding {
        keys: &[(KeyCode::Up, NONE), (KeyCode::Char('p'), CTRL)],
        action: Action::Up,
        help: "previous hit",
    },
    Binding { keys: &[(KeyCode::Backspace, NONE)], action: Action::SearchDelete, help: "delete" },
    Binding { keys: &[(KeyCode::Char('u'), CTRL)], action: Action::SearchClear, help: "clear" },
    Binding { keys: &[(KeyCode::Char('c'), CTRL)], action: Action::Quit, help: "quit" },
    Binding { keys: &[(KeyCode::Char('z'), CTRL)], action: Action::Suspend, help: "suspend" },
];

/// The bindings in force: the reader's and the text boxes', each as the user's settings give them.
#[derive(Debug)]
pub struct Keymaps {
    /// [`KEYMAP`], remapped.
    pub reader: Vec<Binding>,
    /// [`SEARCH_KEYMAP`], remapped: in the search box and the filters.
    pub boxes: Vec<Binding>,
}

impl Default for Keymaps {
    fn default() -> Keymaps {
        Keymaps { reader: copy(KEYMAP), boxes: copy(SEARCH_KEYMAP) }
    }
}

fn copy(table: &[Binding]) -> Vec<Binding> {
    table.iter().map(|b| Binding { keys: b.keys, action: b.action.clone(), help: b.help }).collect()
}

impl Keymaps {
    /// The action bound to a key press in these bindings (see [`action_for_key`]).
    pub fn action_for_key(&self, key: KeyEvent, typing: bool) -> Option<Action> {
        action_in(if typing { &self.boxes } else { &self.reader }, key, typing)
    }
}

/// The action `table` binds to a key press, if any; in the search box or a filter (`typing`) a character
/// without Ctrl or Alt that is not bound is text. Key releases are ignored.
fn action_in(table: &[Binding], key: KeyEvent, typing: bool) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let bound = table
        .iter()
        .find(|b| b.keys.iter().any(|&(code, mods)| code == key.code && mods == key.modifiers))
        .map(|b| b.action.clone());
    match (bound, key.code) {
        (Some(action), _) => Some(action),
        (None, KeyCode::Char(c)) if typing && !key.modifiers.intersects(CTRL | KeyModifiers::ALT) => {
            Some(Action::SearchInput(c))
        }
        _ => None,
    }
}

/// The bindings in force. Set once, before the reader starts (see [`remap`]); the help, the status bar's
/// hints and dispatch all read it, so they agree.
static ACTIVE: OnceLock<Keymaps> = OnceLock::new();

/// The reader's bindings in force.
pub fn active() -> &'static [Binding] {
    ACTIVE.get().map_or(KEYMAP, |maps| maps.reader.as_slice())
}

/// The search box's and the filters' bindings in force.
pub fn active_in_boxes() -> &'static [Binding] {
    ACTIVE.get().map_or(SEARCH_KEYMAP, |maps| maps.boxes.as_slice())
}

/// An action's name in the settings' `[keys]` table and in help: its variant in kebab case
/// (`quit`, `toggle-help`, `show-pane-claims`, `show-board-figures`).
pub fn action_name(action: &Action) -> String {
    let mut name = String::new();
    for c in format!("{action:?}").chars() {
        if c.is_ascii_uppercase() {
            if !name.is_empty() && !name.ends_with('-') {
                name.push('-');
            }
            name.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    name.trim_end_matches('-').to_string()
}

/// A key as the settings write it: a character (`x`, `E`), or `Ctrl-x`, `F1`, `Tab`, `Shift-Tab`,
/// `Enter`, `Esc`, `Backspace`, `Up`, `Down`, `Left`, `Right`, `PgUp`, `PgDn`, `Home`, `End`. An upper-case
/// letter is bound with and without Shift, as terminals report it either way.
pub fn parse_key(text: &str) -> Option<Vec<(KeyCode, KeyModifiers)>> {
    let (mods, name) = match text.strip_prefix("Ctrl-").or_else(|| text.strip_prefix("ctrl-")) {
        Some(rest) => (CTRL, rest),
        None => (NONE, text),
    };
    let code = match name.to_ascii_lowercase().as_str() {
        _ if name.chars().count() == 1 => KeyCode::Char(name.chars().next()?),
        "tab" => KeyCode::Tab,
        "shift-tab" => return Some(vec![(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE)]),
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "backspace" => KeyCode::Backspace,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgup" => KeyCode::PageUp,
        "pgdn" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        f => KeyCode::F(f.strip_prefix('f')?.parse().ok().filter(|n| (1..=12).contains(n))?),
    };
    match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() && mods == NONE => Some(vec![(code, SHIFT), (code, NONE)]),
        _ => Some(vec![(code, mods)]),
    }
}

/// Whether a key edits the text of a box: a character (without Ctrl or Alt) or Backspace. In the search
/// box and the filters such keys always type and delete, whatever the settings give them.
fn edits_text(&(code, mods): &(KeyCode, KeyModifiers)) -> bool {
    match code {
        KeyCode::Char(_) => !mods.intersects(CTRL | KeyModifiers::ALT),
        KeyCode::Backspace => true,
        _ => false,
    }
}

/// Gives the action at `at` in `table` the keys `bound`, and takes them from every other action.
fn rebind(table: &mut [Binding], at: usize, bound: Vec<(KeyCode, KeyModifiers)>) {
    for (i, binding) in table.iter_mut().enumerate() {
        if i != at && binding.keys.iter().any(|k| bound.contains(k)) {
            let kept: Vec<_> = binding.keys.iter().filter(|k| !bound.contains(k)).copied().collect();
            binding.keys = Box::leak(kept.into_boxed_slice());
        }
    }
    table[at].keys = Box::leak(bound.into_boxed_slice());
}

/// The bindings with the user's `keys` (an action's name, its keys as written, and where that is in the
/// settings file): each named action gets those keys instead of its own, and a key it takes is taken
/// from whichever action had it. Problems come back with their place; the bindings are then the defaults.
///
/// The search box and the filters follow the same settings for the actions they have (open, back, up,
/// down, quit, suspend, and their own `search-delete` and `search-clear`), with the keys that edit text
/// left out: there a character is always typed and Backspace always deletes. An action given only such
/// keys keeps the box's own (`back = "b"`: Esc still cancels a search).
pub fn remapped(
    keys: &[crate::config::KeySetting],
) -> Result<Keymaps, Vec<(String, std::ops::Range<usize>)>> {
    let mut maps = Keymaps::default();
    let mut problems = Vec::new();
    for setting in keys {
        let find = |table: &[Binding]| table.iter().position(|b| action_name(&b.action) == setting.action);
        let (in_reader, in_boxes) = (find(&maps.reader), find(&maps.boxes));
        if in_reader.is_none() && in_boxes.is_none() {
            problems.push((
                format!("no action `{}` (the help, ?, lists each action's name)", setting.action),
                setting.span.clone(),
            ));
            continue;
        }
        let mut bound = Vec::new();
        for key in &setting.keys {
            match parse_key(key) {
                Some(parsed) => bound.extend(parsed),
                None => problems.push((
                    format!("`{key}` is not a key brief knows (write e.g. x, Ctrl-x, F2, Tab, PgDn)"),
                    setting.span.clone(),
                )),
            }
        }
        if let Some(at) = in_boxes {
            let commands: Vec<_> = bound.iter().filter(|k| !edits_text(k)).copied().collect();
            if !commands.is_empty() {
                let editing = maps.boxes[at].keys.iter().filter(|k| edits_text(k)).copied();
                rebind(&mut maps.boxes, at, editing.chain(commands).collect());
            }
        }
        if let Some(at) = in_reader {
            rebind(&mut maps.reader, at, bound);
        }
    }
    if problems.is_empty() { Ok(maps) } else { Err(problems) }
}

/// Puts `maps` in force for the rest of the process (the reader calls it once, before it starts).
pub fn remap(maps: Keymaps) {
    let _ = ACTIVE.set(maps);
}

/// The action bound to a key press, if any, in the reader or (`typing`) in the search box or a filter,
/// by the bindings in force.
pub fn action_for_key(key: KeyEvent, typing: bool) -> Option<Action> {
    action_in(if typing { active_in_boxes() } else { active() }, key, typing)
}

/// Clicks and the wheel are resolved against the layout by `update`.
pub fn action_for_mouse(mouse: MouseEvent) -> Option<Action> {
    match mouse.kind {
        MouseEventKind::ScrollDown => {
            Some(Action::Wheel { column: mouse.column, row: mouse.row, down: true })
        }
        MouseEventKind::ScrollUp => Some(Action::Wheel { column: mouse.column, row: mouse.row, down: false }),
        MouseEventKind::Down(_) => Some(Action::Click { column: mouse.column, row: mouse.row }),
        _ => None,
    }
}

/// "Ctrl-d", "Shift-Tab", "j": how a key is written in help and the status bar.
pub fn key_label(code: KeyCode, mods: KeyModifiers) -> String {
    let name = match code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) { format!("Ctrl-{name}") } else { name }
}

/// The keys of a binding as written in help: "j/↓".
pub fn keys_label(binding: &Binding) -> String {
    let mut labels: Vec<String> = Vec::new();
    for &(code, mods) in binding.keys {
        let label = key_label(code, mods);
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels.join("/")
}

/// The first key bound to an action, for hints in the status bar.
pub fn key_for(action: &Action) -> Option<String> {
    first_key(active(), action)
}

/// "Enter keeps it, Esc clears it", with the keys in force.
pub fn filter_hint() -> String {
    let key = |action| first_key(active_in_boxes(), &action).unwrap_or_else(|| "no key".into());
    format!("{} keeps it, {} clears it", key(Action::Open), key(Action::Back))
}

fn first_key(table: &[Binding], action: &Action) -> Option<String> {
    let binding = table.iter().find(|b| b.action == *action)?;
    binding.keys.first().map(|&(code, mods)| key_label(code, mods))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_have_kebab_names_and_the_settings_remap_them() {
        assert_eq!(action_name(&Action::Quit), "quit");
        assert_eq!(action_name(&Action::ToggleHelp), "toggle-help");
        assert_eq!(action_name(&Action::ShowPane(Pane::Claims)), "show-pane-claims");
        let names: Vec<String> = KEYMAP.iter().map(|b| action_name(&b.action)).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "every action has its own name: {names:?}");

        // The example in `brief config`'s output, uncommented, is accepted.
        let example: String = crate::config::COMMENTED_DEFAULT
            .lines()
            .skip_while(|l| *l != "[keys]")
            .map(|l| l.strip_prefix("# ").filter(|l| l.contains(" = ")).unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n");
        let (settings, problems) = crate::config::Config::parse(std::path::Path::new("c.toml"), &example);
        assert!(problems.is_empty() && settings.keys.len() == 2, "{example}");
        assert!(remapped(&settings.keys).is_ok());

        let key = |action: &str, keys: &[&str]| crate::config::KeySetting {
            action: action.into(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
            span: 0..1,
        };
        let table =
            remapped(&[key("cross-reference", &["Ctrl-x", "X"]), key("quit", &["x"])]).unwrap().reader;
        let bound = |action: Action| table.iter().find(|b| b.action == action).unwrap().keys.to_vec();
        assert_eq!(
            bound(Action::CrossReference),
            [(KeyCode::Char('x'), CTRL), (KeyCode::Char('X'), SHIFT), (KeyCode::Char('X'), NONE)]
        );
        assert_eq!(bound(Action::Quit), [(KeyCode::Char('x'), NONE)]);
        let problems = remapped(&[key("fly", &["z"]), key("quit", &["Hyper-q"])]).unwrap_err();
        assert!(problems[0].0.starts_with("no action `fly`"), "{problems:?}");
        assert!(problems[1].0.starts_with("`Hyper-q` is not a key"), "{problems:?}");
    }

    #[test]
    fn the_boxes_follow_the_settings_but_characters_and_backspace_stay_text() {
        let settings = |text: &str| {
            let (settings, problems) = crate::config::Config::parse(std::path::Path::new("c.toml"), text);
            assert!(problems.is_empty(), "{problems:?}");
            remapped(&settings.keys).unwrap()
        };
        let maps = settings(
            "[keys]\nback = [\"Esc\", \"Ctrl-g\", \"b\"]\nquit = \"Q\"\nopen = [\"Enter\", \"Ctrl-j\"]\n\
             search-clear = \"Ctrl-w\"\nsearch-delete = \"Ctrl-h\"\ndown = [\"j\", \"Ctrl-u\"]\n",
        );
        let in_box = |code, mods| maps.action_for_key(KeyEvent::new(code, mods), true);
        let in_reader = |code, mods| maps.action_for_key(KeyEvent::new(code, mods), false);
        // Typed characters stay text, even those the settings gave to actions.
        assert_eq!(in_box(KeyCode::Char('Q'), SHIFT), Some(Action::SearchInput('Q')));
        assert_eq!(in_box(KeyCode::Char('b'), NONE), Some(Action::SearchInput('b')));
        assert_eq!(in_box(KeyCode::Char('j'), NONE), Some(Action::SearchInput('j')));
        // The other keys follow the settings.
        assert_eq!(in_box(KeyCode::Char('g'), CTRL), Some(Action::Back));
        assert_eq!(in_box(KeyCode::Esc, NONE), Some(Action::Back));
        assert_eq!(in_box(KeyCode::Char('j'), CTRL), Some(Action::Open));
        assert_eq!(in_box(KeyCode::Enter, NONE), Some(Action::Open));
        assert_eq!(in_box(KeyCode::Char('w'), CTRL), Some(Action::SearchClear));
        assert_eq!(in_box(KeyCode::Char('u'), CTRL), Some(Action::Down), "taken from search-clear");
        assert_eq!(in_box(KeyCode::Down, NONE), None, "down's own keys replaced");
        assert_eq!(in_box(KeyCode::Char('h'), CTRL), Some(Action::SearchDelete));
        assert_eq!(in_box(KeyCode::Backspace, NONE), Some(Action::SearchDelete), "Backspace still deletes");
        // quit was given only a character: the box keeps its own.
        assert_eq!(in_box(KeyCode::Char('c'), CTRL), Some(Action::Quit));
        // In the reader, the same settings; the boxes' own actions stay in the boxes.
        assert_eq!(in_reader(KeyCode::Char('Q'), SHIFT), Some(Action::Quit));
        assert_eq!(in_reader(KeyCode::Char('b'), NONE), Some(Action::Back));
        assert_eq!(in_reader(KeyCode::Char('g'), CTRL), Some(Action::Back));
        assert_eq!(in_reader(KeyCode::Char('w'), CTRL), None);

        let maps = settings("[keys]\nquit = \"Ctrl-q\"\nback = \"Backspace\"\n");
        let in_box = |code, mods| maps.action_for_key(KeyEvent::new(code, mods), true);
        assert_eq!(in_box(KeyCode::Char('q'), CTRL), Some(Action::Quit));
        assert_eq!(in_box(KeyCode::Char('c'), CTRL), None, "quit's keys replaced in the box too");
        assert_eq!(in_box(KeyCode::Backspace, NONE), Some(Action::SearchDelete));
        assert_eq!(in_box(KeyCode::Esc, NONE), Some(Action::Back), "back given only Backspace keeps Esc");
    }

    /// README's table of keys is written by hand: every binding's first key must be in it, so that it
    /// cannot silently fall behind this table ("`1`–`5`" stands for the keys between).
    #[test]
    fn readme_lists_every_binding() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
        let table: String = readme
            .lines()
            .skip_while(|l| !l.starts_with("| keys | action |"))
            .take_while(|l| l.starts_with('|'))
            .collect::<Vec<_>>()
            .join("\n");
        let mut listed: Vec<String> = table.split('`').skip(1).step_by(2).map(str::to_string).collect();
        for range in table.split("`–`").collect::<Vec<_>>().windows(2) {
            let (from, to) = (range[0].chars().last(), range[1].chars().next());
            if let (Some(from), Some(to)) = (from, to) {
                listed.extend((from..=to).map(String::from));
            }
        }
        for binding in KEYMAP {
            let (code, mods) = binding.keys[0];
            let label = key_label(code, mods);
            assert!(listed.contains(&label), "README's key table lacks `{label}` ({})", binding.help);
        }
    }

    #[test]
    fn every_action_is_bound_once_and_keys_are_unique() {
        for table in [KEYMAP, SEARCH_KEYMAP] {
            let mut seen = Vec::new();
            for binding in table {
                for key in binding.keys {
                    assert!(!seen.contains(key), "{key:?} is bound twice");
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn keys_dispatch_to_their_actions() {
        let press = |code, mods| action_for_key(KeyEvent::new(code, mods), false);
        assert_eq!(press(KeyCode::Char('q'), NONE), Some(Action::Quit));
        assert_eq!(press(KeyCode::Char('d'), CTRL), Some(Action::HalfPageDown));
        assert_eq!(press(KeyCode::Char('3'), NONE), Some(Action::ShowPane(Pane::Actors)));
        assert_eq!(press(KeyCode::Char('z'), NONE), None);
        // In the search box letters are text, not commands.
        let typed = |code, mods| action_for_key(KeyEvent::new(code, mods), true);
        assert_eq!(typed(KeyCode::Char('q'), NONE), Some(Action::SearchInput('q')));
        assert_eq!(typed(KeyCode::Char('K'), SHIFT), Some(Action::SearchInput('K')));
        assert_eq!(typed(KeyCode::Enter, NONE), Some(Action::Open));
        assert_eq!(typed(KeyCode::Char('c'), CTRL), Some(Action::Quit));
        assert_eq!(typed(KeyCode::Char('x'), CTRL), None);
    }

    #[test]
    fn labels() {
        assert_eq!(key_for(&Action::HalfPageUp).as_deref(), Some("Ctrl-u"));
        assert_eq!(keys_label(&KEYMAP[1]), "?/F1");
    }
}
