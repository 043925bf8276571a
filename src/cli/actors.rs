//! `brief actors`: every actor of the folder once, with its roles, briefings and claims.

use std::process::ExitCode;

use super::json::{ActorJson, ActorsJson};
use super::{Failure, print_json, print_out};
use crate::folder::{actors, filter_words, fold, matches};
use crate::model::ActorKind;
use crate::render;
use crate::store::Store;
use crate::xref::CrossRef;

pub fn run(store: &Store, words: &[String], kind: Option<&str>, json: bool) -> Result<ExitCode, Failure> {
    let kind = kind.map(parse_kind).transpose()?;
    let briefings = store.briefings();
    let xref = CrossRef::build(&briefings);
    let words = filter_words(&words.join(" "));
    let mut entries = actors::actors(&briefings, &xref);
    // As the actors board filters: every word in the name or an alias.
    entries.retain(|a| {
        kind.is_none_or(|k| a.kind == k)
            && matches(&fold(&format!("{} {}", a.name, a.aliases.join(" "))), &words)
    });
    if json {
        return print_json(&ActorsJson {
            actors: entries.iter().map(|a| ActorJson::new(&briefings, a)).collect(),
        });
    }
    print_out(&render::actors::text(&briefings, &entries))
}

fn parse_kind(text: &str) -> Result<ActorKind, Failure> {
    serde_json::from_value(serde_json::Value::String(text.to_ascii_lowercase())).map_err(|_| {
        Failure::Usage(format!(
            "--kind `{text}` is not a kind of actor (person, state, organisation, outlet, place, group)"
        ))
    })
}
