//! One registry of actors across a folder: every spelling of an actor resolves to one group.
//!
//! Actor records from different briefings join when they share a name or an alias once normalised
//! ("Kim Jong-Un" = "Kim Jong Un", "DPRK" = "D.P.R.K."). A one-word alias of a person ("Kim", "Blinken") is a
//! surname used inside one briefing, so it never joins records across briefings: two Kims stay two people.

use foldhash::HashMap;

use crate::model::{ActorKind, Briefing};

/// An actor record: (index of the briefing in the folder, index of the actor in the briefing).
pub type ActorAt = (usize, usize);

#[derive(Debug, Clone)]
pub struct ActorGroup {
    /// The name most records use.
    pub name: String,
    pub kind: ActorKind,
    /// Every distinct name and alias, as written, name first.
    pub spellings: Vec<String>,
    pub members: Vec<ActorAt>,
    /// Per member, which of `spellings` is its name.
    pub names: Vec<u32>,
}

#[derive(Debug, Default, Clone)]
pub struct Registry {
    pub groups: Vec<ActorGroup>,
    /// Per briefing, where its actors start in `group_of_record`.
    first_record: Vec<u32>,
    /// The group of every actor record, briefing by briefing.
    group_of_record: Vec<u32>,
    /// Normalised spelling → groups using it (usually one; a shared surname may name several).
    by_spelling: HashMap<String, Vec<usize>>,
}

/// Lowercases, folds accents and typographic variants, turns punctuation into spaces and drops a leading
/// "the", so that spellings of one name compare equal: "Kim Jong-Un" → "kim jong un", "the U.S." → "u s".
pub fn normalize_name(name: &str) -> String {
    // Letters and digits lower-cased, apostrophes dropped, anything else a word break.
    let mut letters = String::with_capacity(name.len());
    for c in name.chars() {
        let c = crate::text::fold_char(c);
        if c.is_ascii_alphanumeric() {
            letters.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            letters.extend(c.to_lowercase());
        } else if c == '\'' || c == '’' {
            // "Korea's" keeps its letters together: possessives are folded by callers that need to.
        } else {
            letters.push(' ');
        }
    }
    let mut words = letters.split_whitespace().peekable();
    if words.peek() == Some(&"the") {
        let the = words.next();
        if words.peek().is_none() {
            return the.unwrap_or_default().to_string();
        }
    }
    // Initialisms written with dots ("U.N.", "D.P.R.K.") join into one word: "un", "dprk".
    let mut out = String::with_capacity(letters.len());
    let mut after_single = false;
    for w in words {
        let single = w.chars().nth(1).is_none();
        let joins_initialism = single && after_single;
        if !out.is_empty() && !joins_initialism {
            out.push(' ');
        }
        out.push_str(w);
        after_single = single;
    }
    out
}

impl Registry {
    pub fn build<'a>(briefings: impl IntoIterator<Item = &'a Briefing>) -> Registry {
        let mut registry = Registry::default();
        let mut records: Vec<(ActorAt, &crate::model::Actor)> = Vec::new();
        for (b, briefing) in briefings.into_iter().enumerate() {
            registry.first_record.push(records.len() as u32);
            for (a, actor) in briefing.actors.iter().enumerate() {
                records.push(((b, a), actor));
            }
        }
        // Folders repeat the same names over and over: each spelling is normalised once.
        let mut keys = SpellingKeys::default();
        let mut parent: Vec<usize> = (0..records.len()).collect();
        let mut first_with_key: Vec<usize> = Vec::new();
        let mut joining: Vec<u32> = Vec::new();
        for (r, (_, actor)) in records.iter().enumerate() {
            keys.joining(actor, &mut joining);
            for &key in &joining {
                let key = key as usize;
                if first_with_key.len() <= key {
                    first_with_key.resize(key + 1, usize::MAX);
                }
                match first_with_key[key] {
                    usize::MAX => first_with_key[key] = r,
                    other => union(&mut parent, r, other),
                }
            }
        }

        let mut group_index: Vec<u32> = vec![u32::MAX; records.len()];
        // Per group, each name with how many records use it, in first-seen order.
        let mut name_votes: Vec<Vec<(&str, usize)>> = Vec::new();
        registry.group_of_record.reserve(records.len());
        for (r, (at, actor)) in records.iter().enumerate() {
            let root = find(&mut parent, r);
            if group_index[root] == u32::MAX {
                group_index[root] = registry.groups.len() as u32;
                registry.groups.push(ActorGroup {
                    name: actor.name.clone(),
                    kind: actor.kind,
                    spellings: Vec::new(),
                    members: Vec::new(),
                    names: Vec::new(),
                });
                name_votes.push(Vec::new());
            }
            let g = group_index[root] as usize;
            let group = &mut registry.groups[g];
            group.members.push(*at);
            match name_votes[g].iter_mut().find(|(name, _)| *name == actor.name) {
                Some((_, count)) => *count += 1,
                None => name_votes[g].push((actor.name.as_str(), 1)),
            }
            for spelling in std::iter::once(&actor.name).chain(&actor.aliases) {
                if !group.spellings.contains(spelling) {
                    group.spellings.push(spelling.clone());
                }
            }
            registry.group_of_record.push(g as u32);
        }
        for (g, votes) in name_votes.iter().enumerate() {
            // The most used name; on a tie the first seen (`max_by_key` keeps the last maximum, hence `rev`).
            if let Some((name, _)) = votes.iter().rev().max_by_key(|(_, count)| *count) {
                registry.groups[g].name = (*name).to_string();
            }
            let group = &mut registry.groups[g];
            let name = group.name.clone();
            group.spellings.retain(|s| *s != name);
            group.spellings.insert(0, name);
        }
        // Members were added record by record: their names are too.
        for (r, (_, actor)) in records.iter().enumerate() {
            let group = &mut registry.groups[registry.group_of_record[r] as usize];
            let spelling = group.spellings.iter().position(|s| *s == actor.name).unwrap_or(0);
            group.names.push(spelling as u32);
        }
        registry.index_spellings();
        registry
    }

    /// The registry of `groups` (as [`Registry::build`] made them) over briefings that have
    /// `actors_per_briefing` actor records each: what the cache keeps of a registry.
    pub(crate) fn from_groups(
        groups: Vec<ActorGroup>,
        actors_per_briefing: impl IntoIterator<Item = u32>,
    ) -> Registry {
        let mut registry = Registry { groups, ..Registry::default() };
        let mut records = 0u32;
        for count in actors_per_briefing {
            registry.first_record.push(records);
            records += count;
        }
        registry.group_of_record = vec![u32::MAX; records as usize];
        for (g, group) in registry.groups.iter().enumerate() {
            for &(b, a) in &group.members {
                if let Some(&first) = registry.first_record.get(b)
                    && let Some(slot) = registry.group_of_record.get_mut(first as usize + a)
                {
                    *slot = g as u32;
                }
            }
        }
        registry.index_spellings();
        registry
    }

    /// Fills `by_spelling` from the groups' spellings.
    fn index_spellings(&mut self) {
        for (g, group) in self.groups.iter().enumerate() {
            for spelling in &group.spellings {
                let users = self.by_spelling.entry(normalize_name(spelling)).or_default();
                if !users.contains(&g) {
                    users.push(g);
                }
            }
        }
    }

    /// The group an actor record belongs to.
    pub fn group_of(&self, (briefing, actor): ActorAt) -> Option<usize> {
        let first = *self.first_record.get(briefing)? as usize;
        let end = self.first_record.get(briefing + 1).map_or(self.group_of_record.len(), |&e| e as usize);
        (first + actor < end).then(|| self.group_of_record[first + actor] as usize)
    }

    /// The groups a spelling names ("Pyongyang" → North Korea), in any form that normalises the same.
    pub fn lookup(&self, spelling: &str) -> &[usize] {
        self.by_spelling.get(&normalize_name(spelling)).map_or(&[], Vec::as_slice)
    }
}

/// Normalised spellings numbered as they are first met, each spelling as written normalised only once.
#[derive(Default)]
struct SpellingKeys<'a> {
    /// Spelling as written → (key, whether the key is one word).
    written: HashMap<&'a str, (u32, bool)>,
    keys: HashMap<String, u32>,
}

impl<'a> SpellingKeys<'a> {
    fn key(&mut self, spelling: &'a str) -> (u32, bool) {
        if let Some(&known) = self.written.get(spelling) {
            return known;
        }
        let normalized = normalize_name(spelling);
        let one_word = !normalized.contains(' ');
        let empty = normalized.is_empty();
        let next = self.keys.len() as u32;
        let key = *self.keys.entry(normalized).or_insert(next);
        // The empty key never joins anything: it is told apart by the caller through `u32::MAX`.
        let known = (if empty { u32::MAX } else { key }, one_word);
        self.written.insert(spelling, known);
        known
    }

    /// The keys that may join an actor record with records of other briefings: its name, and its
    /// aliases except a person's one-word ones (a surname used inside one briefing).
    fn joining(&mut self, actor: &'a crate::model::Actor, out: &mut Vec<u32>) {
        out.clear();
        let (name, _) = self.key(&actor.name);
        // The name joins even when it normalises to nothing, as every record has one.
        out.push(if name == u32::MAX { self.empty_key() } else { name });
        for alias in &actor.aliases {
            let (key, one_word) = self.key(alias);
            let surname_only = actor.kind == ActorKind::Person && one_word;
            if !surname_only && key != u32::MAX && !out.contains(&key) {
                out.push(key);
            }
        }
    }

    fn empty_key(&mut self) -> u32 {
        let next = self.keys.len() as u32;
        *self.keys.entry(String::new()).or_insert(next)
    }
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        // The smaller index stays the root so groups come out in first-seen order.
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[child] = root;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Source, Status};

    fn actor(id: &str, name: &str, kind: ActorKind, aliases: &[&str]) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind,
            role: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn briefing(actors: Vec<Actor>) -> Briefing {
        Briefing {
            schema: 1,
            id: "b".into(),
            title: "t".into(),
            summary: "s".into(),
            tags: vec![],
            status: Status::Draft,
            source: Source { outlet: "o".into(), ..Source::default() },
            actors,
            figures: vec![],
            claims: vec![],
            questions: vec![],
        }
    }

    #[test]
    fn a_registry_kept_as_its_groups_is_the_registry_built() {
        let store =
            crate::store::Store::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings"))
                .unwrap();
        let briefings = store.briefings();
        let built = Registry::build(briefings.iter().copied());
        let kept =
            Registry::from_groups(built.groups.clone(), briefings.iter().map(|b| b.actors.len() as u32));
        assert_eq!(kept.first_record, built.first_record);
        assert_eq!(kept.group_of_record, built.group_of_record);
        assert_eq!(kept.by_spelling, built.by_spelling);
        for group in &built.groups {
            assert_eq!(group.names.len(), group.members.len());
            for (&(b, a), &name) in group.members.iter().zip(&group.names) {
                assert_eq!(group.spellings[name as usize], briefings[b].actors[a].name);
            }
        }
    }

    #[test]
    fn names_normalise_across_spellings() {
        assert_eq!(normalize_name("Kim Jong-Un"), normalize_name("Kim Jong Un"));
        assert_eq!(normalize_name("the U.N. Security Council"), "un security council");
        assert_eq!(normalize_name("D.P.R.K."), normalize_name("DPRK"));
        assert_eq!(normalize_name("Zemlianichenko"), normalize_name("Zemliánichenko"));
    }

    #[test]
    fn spellings_join_across_briefings_but_surnames_do_not() {
        let a = briefing(vec![
            actor("kim", "Kim Jong Un", ActorKind::Person, &["Kim"]),
            actor("nk", "North Korea", ActorKind::State, &["DPRK", "Pyongyang"]),
        ]);
        let b = briefing(vec![
            actor("kju", "Kim Jong-Un", ActorKind::Person, &[]),
            actor("kyj", "Kim Yo Jong", ActorKind::Person, &["Kim"]),
            actor("dprk", "DPRK", ActorKind::State, &[]),
        ]);
        let r = Registry::build([&a, &b]);
        assert_eq!(r.group_of((0, 0)), r.group_of((1, 0)), "Kim Jong Un = Kim Jong-Un");
        assert_ne!(r.group_of((0, 0)), r.group_of((1, 1)), "two Kims stay two people");
        assert_eq!(r.group_of((0, 1)), r.group_of((1, 2)), "North Korea = DPRK");
        let nk = r.group_of((0, 1)).unwrap();
        assert_eq!(r.lookup("pyongyang"), [nk]);
        assert_eq!(r.groups[nk].name, "North Korea");
        assert_eq!(r.lookup("Kim").len(), 2, "a bare surname names both");
    }
}
