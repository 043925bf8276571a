//! The boards' section: the folder's [`Folder`] (every board's rows, and the text they draw) as the
//! cache keeps it, so that a reader working from the cache opens a board without decoding a briefing.
//!
//! Binary, little-endian varints, compressed with zstd and read back as a stream (the decompressed bytes
//! are never held whole: at 100k they are several times the compressed section), each sequence read
//! into a vector of its stated length (bounded by the decompressed size the frame states), so that no
//! vector grows by doubling and leaves its old buffers behind. What is read is checked against the
//! labels it comes with, so that no row can name an item the labels lack.

use std::io::{BufReader, Read};

use crate::folder::actors::{ActorEntry, Role, StanceCounts};
use crate::folder::figures::FigureGroup;
use crate::folder::items::Items;
use crate::folder::labels::{BriefingLabel, ClaimLabel, FigureLabel, Labels, QuestionLabel, Strings};
use crate::folder::questions::{Addressed, QuestionEntry};
use crate::folder::sources::{Source, SourceKind};
use crate::folder::{Folder, Month};
use crate::model::{Date, ItemRef};
use crate::xref::ItemAt;

use super::graph::{ACTOR_KINDS as KINDS, STANCES};

/// The folder's boards, encoded and compressed.
pub(super) fn encode(folder: &Folder) -> std::io::Result<Vec<u8>> {
    let mut out = Out(Vec::new());
    out.labels(&folder.labels);
    out.seq(&folder.figures, |o, g| {
        o.items(&g.values);
        o.bool(g.values_differ);
    });
    out.seq(&folder.questions, |o, q| {
        o.item(q.at);
        o.date(q.date);
        o.bool(q.complete);
        match &q.addressed {
            None => o.bool(false),
            Some(a) => {
                o.bool(true);
                o.item(a.by);
                o.date(a.date);
                o.text(&a.reason);
            }
        }
    });
    out.seq(&folder.actors, |o, a| {
        o.number(a.group);
        o.text(&a.name);
        o.number(KINDS.iter().position(|k| *k == a.kind).unwrap_or(0));
        o.seq(&a.aliases, |o, t| o.text(t));
        o.seq(&a.roles, |o, r| {
            o.text(&r.role);
            o.date(r.first);
            o.date(r.last);
        });
        o.seq(&a.briefings, |o, &b| o.number(b));
        o.packed(&a.claims);
        let s = a.stances;
        for n in [s.asserts, s.denies, s.warns, s.urges, s.estimates] {
            o.number(n as usize);
        }
        o.packed(&a.about);
        o.seq(&a.months, |o, (m, n)| {
            o.month(*m);
            o.number(*n as usize);
        });
        o.number(a.undated as usize);
    });
    out.seq(&folder.sources, |o, s| {
        o.bool(s.kind == SourceKind::Claimant);
        o.text(&s.name);
        o.number(s.group.map_or(0, |g| g + 1));
        for n in [s.claims, s.corroborated, s.contradicted, s.incomplete] {
            o.number(n as usize);
        }
        for n in s.reliability.iter().chain(&s.credibility) {
            o.number(*n as usize);
        }
        o.packed(&s.items);
    });
    zstd::bulk::compress(&out.0, super::LEVEL)
}

/// The boards from their section's bytes; `None` if they do not decode or do not hang together.
pub(super) fn decode(compressed: &[u8]) -> Option<Folder> {
    let size = zstd::zstd_safe::get_frame_content_size(compressed).ok()??;
    let decoder = zstd::stream::read::Decoder::new(compressed).ok()?;
    let mut r = In { from: BufReader::with_capacity(1 << 16, decoder), size: usize::try_from(size).ok()? };
    let labels = r.labels()?;
    let figures = r.seq(|r| Some(FigureGroup { values: r.items()?, values_differ: r.bool()? }))?;
    let questions = r.seq(|r| {
        let (at, date, complete) = (r.item()?, r.date()?, r.bool()?);
        let addressed = match r.bool()? {
            false => None,
            true => Some(Addressed { by: r.item()?, date: r.date()?, reason: r.text()? }),
        };
        Some(QuestionEntry { at, date, addressed, complete })
    })?;
    let actors = r.seq(|r| {
        let group = r.number()?;
        let name = r.text()?;
        let kind = *KINDS.get(r.number()?)?;
        let aliases = r.seq(In::text)?;
        let roles = r.seq(|r| Some(Role { role: r.text()?, first: r.date()?, last: r.date()? }))?;
        let briefings = r.seq(In::number)?;
        let claims = r.packed()?;
        let mut n = || r.number().and_then(|n| u32::try_from(n).ok());
        let stances = StanceCounts { asserts: n()?, denies: n()?, warns: n()?, urges: n()?, estimates: n()? };
        let about = r.packed()?;
        let months = r.seq(|r| Some((r.month()?, r.u32()?)))?;
        let undated = r.u32()?;
        Some(ActorEntry {
            group,
            name,
            kind,
            aliases,
            roles,
            briefings,
            claims,
            stances,
            about,
            months,
            undated,
        })
    })?;
    let sources = r.seq(|r| {
        let kind = if r.bool()? { SourceKind::Claimant } else { SourceKind::Outlet };
        let name = r.text()?;
        let group = r.number()?.checked_sub(1);
        let (claims, corroborated, contradicted, incomplete) = (r.u32()?, r.u32()?, r.u32()?, r.u32()?);
        let mut grades = [0u32; 12];
        for g in &mut grades {
            *g = r.u32()?;
        }
        let (mut reliability, mut credibility) = ([0; 6], [0; 6]);
        reliability.copy_from_slice(&grades[..6]);
        credibility.copy_from_slice(&grades[6..]);
        let items = r.packed()?;
        Some(Source {
            kind,
            name,
            group,
            claims,
            corroborated,
            contradicted,
            reliability,
            credibility,
            incomplete,
            items,
        })
    })?;
    // Nothing may follow.
    if r.from.read(&mut [0u8; 1]).ok()? != 0 {
        return None;
    }
    let folder = Folder { figures, questions, actors, sources, labels };
    whole(&folder).then_some(folder)
}

/// Whether every row names an item the labels have, and the labels' strings are all there.
fn whole(folder: &Folder) -> bool {
    let labels = &folder.labels;
    let firsts = [&labels.claim_first, &labels.figure_first, &labels.question_first];
    let counts = [labels.claims.len(), labels.figures.len(), labels.questions.len()];
    let ordered = firsts.iter().zip(counts).all(|(first, count)| {
        first.len() == labels.len() + 1
            && first.windows(2).all(|w| w[0] <= w[1])
            && first.first() == Some(&0)
            && first.last().map(|&n| n as usize) == Some(count)
    });
    let strings = labels.strings.len() as u32;
    let string = |n: u32| n < strings;
    let strings_whole = labels.strings.ends.windows(2).all(|w| w[0] <= w[1])
        && labels.strings.ends.last().is_none_or(|&e| e as usize == labels.strings.text.len())
        && labels.strings.ends.iter().all(|&e| labels.strings.text.is_char_boundary(e as usize))
        && labels.briefings.iter().all(|b| string(b.title) && string(b.outlet))
        && labels.claims.iter().all(|c| string(c.claimant) && string(c.text))
        && labels
            .figures
            .iter()
            .all(|f| string(f.unit) && string(f.text) && string(f.by) && f.subject.is_none_or(string))
        && labels
            .questions
            .iter()
            .all(|q| string(q.text) && string(q.about) && q.addressed.is_none_or(string));
    let known = |at: &ItemAt| match at.item {
        ItemRef::Claim(_) => labels.claim(*at).is_some(),
        ItemRef::Figure(_) => labels.figure(*at).is_some(),
        ItemRef::Question(_) => labels.question(*at).is_some(),
        ItemRef::Actor(_) => at.briefing < labels.len(),
    };
    let briefing = |b: &usize| *b < labels.len();
    ordered
        && strings_whole
        && folder.figures.iter().all(|g| !g.values.is_empty() && g.values.iter().all(known))
        && folder.questions.iter().all(|q| known(&q.at) && q.addressed.as_ref().is_none_or(|a| known(&a.by)))
        && folder.actors.iter().all(|a| {
            a.briefings.iter().all(briefing) && a.claims.iter().chain(a.about.iter()).all(|at| known(&at))
        })
        && folder.sources.iter().all(|s| s.items.iter().all(|at| known(&at)))
}

struct Out(Vec<u8>);

impl Out {
    fn number(&mut self, mut n: usize) {
        while n >= 0x80 {
            self.0.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn bool(&mut self, b: bool) {
        self.0.push(u8::from(b));
    }

    fn text(&mut self, text: &str) {
        self.number(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    fn seq<T>(&mut self, values: &[T], mut each: impl FnMut(&mut Out, &T)) {
        self.number(values.len());
        for v in values {
            each(self, v);
        }
    }

    fn item(&mut self, at: ItemAt) {
        let (kind, index) = match at.item {
            ItemRef::Actor(i) => (0, i),
            ItemRef::Figure(i) => (1, i),
            ItemRef::Claim(i) => (2, i),
            ItemRef::Question(i) => (3, i),
        };
        self.number(at.briefing);
        self.number(index * 4 + kind);
    }

    fn items(&mut self, items: &[ItemAt]) {
        self.seq(items, |o, &at| o.item(at));
    }

    fn packed(&mut self, items: &Items) {
        self.number(items.len());
        items.iter().for_each(|at| self.item(at));
    }

    fn date(&mut self, date: Option<Date>) {
        match date {
            None => self.number(0),
            Some(d) => {
                self.number(usize::from(d.year) + 1);
                self.0.push(d.month.unwrap_or(0));
                self.0.push(d.day.unwrap_or(0));
            }
        }
    }

    fn month(&mut self, month: Month) {
        self.number(usize::from(month.year));
        self.0.push(month.month.unwrap_or(0));
    }

    fn strings(&mut self, strings: &Strings) {
        self.text(&strings.text);
        self.seq(&strings.ends, |o, &e| o.number(e as usize));
    }

    fn optional(&mut self, n: Option<u32>) {
        self.number(n.map_or(0, |n| n as usize + 1));
    }

    fn labels(&mut self, labels: &Labels) {
        self.strings(&labels.strings);
        self.seq(&labels.briefings, |o, b| {
            o.number(b.title as usize);
            o.number(b.outlet as usize);
            o.date(b.published);
        });
        self.seq(&labels.claims, |o, c| {
            o.number(STANCES.iter().position(|s| *s == c.stance).unwrap_or(0));
            o.number(c.claimant as usize);
            o.number(c.text as usize);
        });
        self.seq(&labels.figures, |o, f| {
            o.0.extend_from_slice(&f.value.to_le_bytes());
            o.number(f.unit as usize);
            o.optional(f.subject);
            o.number(f.text as usize);
            o.number(f.by as usize);
            o.date(f.date);
        });
        self.seq(&labels.questions, |o, q| {
            o.number(q.text as usize);
            o.number(q.about as usize);
            o.optional(q.addressed);
        });
        for first in [&labels.claim_first, &labels.figure_first, &labels.question_first] {
            self.seq(first, |o, &n| o.number(n as usize));
        }
    }
}

struct In<R: Read> {
    from: R,
    /// The decompressed size: no sequence states more values than it has bytes.
    size: usize,
}

impl<R: Read> In<R> {
    fn byte(&mut self) -> Option<u8> {
        let mut b = [0u8; 1];
        self.from.read_exact(&mut b).ok()?;
        Some(b[0])
    }

    fn number(&mut self) -> Option<usize> {
        let mut n: usize = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.number()?).ok()
    }

    fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn text(&mut self) -> Option<String> {
        let len = self.number()?.min(self.size + 1);
        let mut bytes = Vec::with_capacity(len);
        (&mut self.from).take(len as u64).read_to_end(&mut bytes).ok()?;
        (bytes.len() == len).then_some(())?;
        String::from_utf8(bytes).ok()
    }

    fn seq<T>(&mut self, mut each: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let len = self.number()?;
        (len <= self.size).then_some(())?;
        let mut values = Vec::with_capacity(len);
        for _ in 0..len {
            values.push(each(self)?);
        }
        Some(values)
    }

    fn item(&mut self) -> Option<ItemAt> {
        let briefing = self.number()?;
        let code = self.number()?;
        let index = code / 4;
        let item = match code % 4 {
            0 => ItemRef::Actor(index),
            1 => ItemRef::Figure(index),
            2 => ItemRef::Claim(index),
            _ => ItemRef::Question(index),
        };
        Some(ItemAt { briefing, item })
    }

    fn items(&mut self) -> Option<Vec<ItemAt>> {
        self.seq(In::item)
    }

    fn packed(&mut self) -> Option<Items> {
        let len = self.number()?;
        (len <= self.size).then_some(())?;
        let mut items = Items::default();
        items.reserve_exact(len);
        for _ in 0..len {
            items.push(self.item()?);
        }
        Some(items)
    }

    fn date(&mut self) -> Option<Option<Date>> {
        let year = self.number()?;
        if year == 0 {
            return Some(None);
        }
        let year = u16::try_from(year - 1).ok()?;
        let (month, day) = (self.byte()?, self.byte()?);
        Some(Some(Date { year, month: (month != 0).then_some(month), day: (day != 0).then_some(day) }))
    }

    fn month(&mut self) -> Option<Month> {
        let year = u16::try_from(self.number()?).ok()?;
        let month = self.byte()?;
        Some(Month { year, month: (month != 0).then_some(month) })
    }

    fn optional(&mut self) -> Option<Option<u32>> {
        Some(match self.u32()? {
            0 => None,
            n => Some(n - 1),
        })
    }

    fn labels(&mut self) -> Option<Labels> {
        let text = self.text()?;
        let ends = self.seq(In::u32)?;
        let strings = Strings { text, ends };
        let briefings =
            self.seq(|r| Some(BriefingLabel { title: r.u32()?, outlet: r.u32()?, published: r.date()? }))?;
        let claims = self.seq(|r| {
            let stance = *STANCES.get(r.number()?)?;
            Some(ClaimLabel { stance, claimant: r.u32()?, text: r.u32()? })
        })?;
        let figures = self.seq(|r| {
            let mut value = [0u8; 8];
            r.from.read_exact(&mut value).ok()?;
            Some(FigureLabel {
                value: f64::from_le_bytes(value),
                unit: r.u32()?,
                subject: r.optional()?,
                text: r.u32()?,
                by: r.u32()?,
                date: r.date()?,
            })
        })?;
        let questions =
            self.seq(|r| Some(QuestionLabel { text: r.u32()?, about: r.u32()?, addressed: r.optional()? }))?;
        let claim_first = self.seq(In::u32)?;
        let figure_first = self.seq(In::u32)?;
        let question_first = self.seq(In::u32)?;
        Some(Labels {
            strings,
            briefings,
            claims,
            figures,
            questions,
            claim_first,
            figure_first,
            question_first,
        })
    }
}
