//! The list of a folder's briefings: what `brief list` prints and the reader's list shows (id, title,
//! outlet, date, status, file, item counts, tags), without the briefings themselves. The cache keeps it apart
//! from the briefings, so that listing a large folder decodes none of them.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::{Briefing, Date, Status};
use crate::store::Store;

/// One briefing of the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub published: Option<Date>,
    pub status: Status,
    /// The briefing's file, as the folder was given (stored relative to the folder in the cache).
    pub path: PathBuf,
    pub figures: u32,
    pub actors: u32,
    pub claims: u32,
    pub questions: u32,
    /// The briefing's tags: the reader's list filter matches them.
    pub tags: Vec<String>,
}

impl Row {
    pub fn new(briefing: &Briefing, path: PathBuf) -> Row {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Row {
            id: briefing.id.clone(),
            title: briefing.title.clone(),
            outlet: briefing.source.outlet.clone(),
            published: briefing.source.published,
            status: briefing.status,
            path,
            figures: count(briefing.figures.len()),
            actors: count(briefing.actors.len()),
            claims: count(briefing.claims.len()),
            questions: count(briefing.questions.len()),
            tags: briefing.tags.clone(),
        }
    }
}

/// The rows of every loaded briefing of a store, in its order.
pub fn rows(store: &Store) -> Vec<Row> {
    store.entries.iter().map(|e| Row::new(&e.briefing, e.path.clone())).collect()
}
