//! The search worker: the reader's searches run here, off the input path, so that every key is answered
//! at once whatever a query costs. Requests come from `Effect::Search`; results go back to the event loop
//! as `Action::Searched`. A newer request supersedes older ones of the same purpose: those waiting are
//! dropped unrun, and one that is running is given up at its next step (`SearchIndex::rank_until`).

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

use crate::cache::Snapshot;
use crate::search::SearchIndex;

use super::app::{Action, SearchFor, SearchRequest};

struct Job {
    /// The index that was current when the search was asked for.
    index: Arc<SearchIndex>,
    /// The cache the reader works from when it has no store: the hits' briefings are read from it.
    source: Option<Arc<Snapshot>>,
    request: SearchRequest,
}

pub struct Searcher {
    jobs: Sender<Job>,
    /// The id of the newest request of each purpose.
    newest: Arc<[AtomicU64; 3]>,
}

fn slot(purpose: SearchFor) -> usize {
    match purpose {
        SearchFor::Box => 0,
        SearchFor::Last => 1,
        SearchFor::Timeline => 2,
    }
}

impl Searcher {
    /// Starts the worker; `deliver` hands a finished search to the event loop (false: the loop is gone,
    /// and the worker ends).
    pub fn start(deliver: impl FnMut(Action) -> bool + Send + 'static) -> io::Result<Searcher> {
        let (jobs, queue) = mpsc::channel::<Job>();
        let newest: Arc<[AtomicU64; 3]> = Arc::default();
        let seen = Arc::clone(&newest);
        std::thread::Builder::new()
            .name("brief-search".into())
            .spawn(move || work(&queue, &seen, deliver))?;
        Ok(Searcher { jobs, newest })
    }

    /// Queues a search on `index`, superseding any older one of the same purpose; the hits' briefings
    /// are read from `source` when given (the reader has no store).
    pub fn request(&self, index: Arc<SearchIndex>, source: Option<Arc<Snapshot>>, request: SearchRequest) {
        self.newest[slot(request.purpose)].store(request.id, Ordering::SeqCst);
        // A worker that is gone (it ends only when the loop does) has no one to answer.
        let _ = self.jobs.send(Job { index, source, request });
    }
}

fn work(queue: &Receiver<Job>, newest: &[AtomicU64; 3], mut deliver: impl FnMut(Action) -> bool) {
    while let Ok(first) = queue.recv() {
        // Everything queued meanwhile: only the newest of each purpose is worth running.
        let mut jobs: Vec<Job> = vec![first];
        jobs.extend(queue.try_iter());
        for job in jobs {
            let wanted = &newest[slot(job.request.purpose)];
            let stop = || wanted.load(Ordering::SeqCst) != job.request.id;
            if stop() {
                continue;
            }
            if let Some(done) = job.request.run_from(&job.index, job.source.as_deref(), &stop)
                && !deliver(done)
            {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::Registry;
    use crate::store::Store;

    #[test]
    fn only_the_newest_request_of_each_purpose_is_run() {
        let store = Store::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")).unwrap();
        let briefings = store.briefings();
        let index = Arc::new(SearchIndex::build(&briefings, &Registry::build(briefings.iter().copied())));
        let request = |id, purpose, text: &str| Job {
            index: Arc::clone(&index),
            source: None,
            request: SearchRequest { id, purpose, query: index.parse(text).unwrap() },
        };
        let (jobs, queue) = mpsc::channel();
        for job in [
            request(1, SearchFor::Box, "shell"),
            request(2, SearchFor::Last, "dprk"),
            request(3, SearchFor::Box, "shells"),
        ] {
            jobs.send(job).unwrap();
        }
        drop(jobs);
        let newest = [AtomicU64::new(3), AtomicU64::new(2), AtomicU64::new(0)];
        let mut delivered = Vec::new();
        work(&queue, &newest, |done| {
            delivered.push(done);
            true
        });
        let ids: Vec<(u64, SearchFor)> = delivered
            .iter()
            .map(|a| match a {
                Action::Searched { id, purpose, .. } => (*id, *purpose),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(ids, [(2, SearchFor::Last), (3, SearchFor::Box)]);
    }
}
