//! A deterministic generator of realistic synthetic briefing folders, shared by `examples/gen_corpus.rs`
//! and the benchmarks. Briefings vary in size (a few items to a few dozen), share actors (with aliases
//! and non-ASCII spellings) and counted things, and carry explicit refs to earlier briefings, so search
//! and cross-reference have real work to do.

use brief::model::{
    Actor, ActorKind, Briefing, Claim, Date, Figure, Qualifier, Question, Ref, Relation, Source, Stance,
    Status,
};

/// SplitMix64: small, fast and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A size skewed towards small: most briefings are short, a few are long.
    fn skewed(&mut self, low: usize, high: usize) -> usize {
        let a = self.below(high - low + 1);
        let b = self.below(high - low + 1);
        low + a.min(b)
    }
}

const STATES: &[(&str, &[&str])] = &[
    ("North Korea", &["DPRK", "Pyongyang"]),
    ("Russia", &["Moscow", "the Kremlin"]),
    ("United States", &["U.S.", "Washington", "the White House"]),
    ("South Korea", &["Seoul", "ROK"]),
    ("Japan", &["Tokyo"]),
    ("China", &["Beijing", "中国"]),
    ("Ukraine", &["Kyiv", "Україна"]),
    ("Iran", &["Tehran"]),
    ("Türkiye", &["Turkey", "Ankara"]),
    ("Brazil", &["Brasília"]),
    ("Germany", &["Berlin", "Deutschland"]),
    ("France", &["Paris", "the Élysée"]),
];

const PEOPLE: &[(&str, &[&str], &str)] = &[
    ("Kim Jong Un", &["Kim Jong-Un", "김정은"], "North Korean leader"),
    ("Vladimir Putin", &["Putin"], "Russian President"),
    ("Volodymyr Zelenskyy", &["Zelensky", "Зеленський"], "Ukrainian President"),
    ("Recep Tayyip Erdoğan", &["Erdogan"], "Turkish President"),
    ("Luiz Inácio Lula da Silva", &["Lula"], "Brazilian President"),
    ("Antony Blinken", &["Blinken"], "U.S. Secretary of State"),
    ("Sergei Shoigu", &["Shoigu"], "Russian Defense Minister"),
    ("Yoon Suk Yeol", &["윤석열"], "South Korean President"),
    ("Fumio Kishida", &["Kishida"], "Japanese Prime Minister"),
    ("John Kirby", &["Kirby"], "National Security Council spokesperson"),
    ("Olaf Scholz", &["Scholz"], "German Chancellor"),
    ("Emmanuel Macron", &["Macron"], "French President"),
];

const FIRST: &[&str] = &[
    "Ana", "José", "Chen", "Olena", "Søren", "Aylin", "Minh", "Fatima", "Jürgen", "Priya", "Kwame", "Lucía",
];
const LAST: &[&str] = &[
    "Müller",
    "Núñez",
    "Wei",
    "Kovalenko",
    "Øster",
    "Yılmaz",
    "Nguyễn",
    "Haddad",
    "Schäfer",
    "Iyer",
    "Mensah",
    "Ortiz",
];
const ROLES: &[&str] = &[
    "defence analyst",
    "foreign ministry spokesperson",
    "senior diplomat",
    "army general",
    "trade minister",
    "researcher",
];

const ORGANISATIONS: &[(&str, &[&str])] = &[
    ("United Nations Security Council", &["U.N. Security Council", "UNSC"]),
    ("National Intelligence Service", &["NIS"]),
    ("Treasury Department", &["U.S. Treasury"]),
    ("International Atomic Energy Agency", &["IAEA"]),
    ("European Union", &["EU", "Brussels"]),
    ("NATO", &["North Atlantic Treaty Organization"]),
];

const OUTLETS: &[&str] = &[
    "Reuters",
    "Associated Press",
    "RFE/RL",
    "The Kyiv Independent",
    "Yonhap",
    "Le Monde",
    "Der Spiegel",
    "NHK",
];

/// Counted things: (unit, verb, subject).
const THINGS: &[(&str, &str, &str)] = &[
    ("artillery shells", "shipped", "shells sent to the front"),
    ("ballistic missiles", "supplied", "missiles transferred for the war"),
    ("attack drones", "delivered", "drones delivered to the army"),
    ("tonnes of grain", "exported", "grain exported by sea"),
    ("barrels of oil", "sold", "oil sold despite sanctions"),
    ("troops", "deployed", "soldiers deployed abroad"),
    ("sanctioned entities", "designated", "companies placed under sanctions"),
    ("containers", "moved", "containers moved by rail"),
];

const QUALIFIERS: &[(Qualifier, &str)] = &[
    (Qualifier::Exact, ""),
    (Qualifier::About, "about "),
    (Qualifier::MoreThan, "more than "),
    (Qualifier::AtLeast, "at least "),
    (Qualifier::UpTo, "up to "),
];

const CONCERNS: &[&str] = &[
    "the deal violates U.N. Security Council resolutions",
    "the exchange deepens military cooperation",
    "the shipments prolong the war in Ukraine",
    "technology transfers could advance the missile program",
    "new sanctions are being prepared",
    "satellite images show trains at the border",
];

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().map(brief::text::fold_char) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn number_words(value: f64) -> String {
    if value >= 1e6 {
        format!("{} million", value / 1e6)
    } else if value >= 1e4 {
        let thousands = (value / 1e3).round() as u64;
        format!("{thousands},000")
    } else {
        format!("{value}")
    }
}

/// Generates briefing number `n` of a corpus; `earlier` holds ids of claims in earlier briefings, for refs.
pub fn briefing(rng: &mut Rng, n: usize, earlier: &mut Vec<(String, String)>) -> Briefing {
    let mut actors: Vec<Actor> = Vec::new();
    let add = |actor: Actor, actors: &mut Vec<Actor>| {
        if !actors.iter().any(|a| a.id == actor.id) {
            actors.push(actor);
        }
    };
    for _ in 0..rng.skewed(2, 6) {
        let (name, aliases) = rng.pick(STATES);
        let actor = Actor {
            id: slug(name),
            name: name.to_string(),
            kind: ActorKind::State,
            role: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        };
        add(actor, &mut actors);
    }
    for _ in 0..rng.skewed(1, 5) {
        let (name, aliases, role) = rng.pick(PEOPLE);
        let actor = Actor {
            id: slug(name),
            name: name.to_string(),
            kind: ActorKind::Person,
            role: Some(role.to_string()),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        };
        add(actor, &mut actors);
    }
    for _ in 0..rng.skewed(0, 3) {
        let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        let surname = name.split(' ').nth(1).unwrap_or_default().to_string();
        let actor = Actor {
            id: slug(&name),
            name,
            kind: ActorKind::Person,
            role: Some(rng.pick(ROLES).to_string()),
            aliases: vec![surname],
        };
        add(actor, &mut actors);
    }
    for _ in 0..rng.skewed(0, 3) {
        let (name, aliases) = rng.pick(ORGANISATIONS);
        let actor = Actor {
            id: slug(name),
            name: name.to_string(),
            kind: ActorKind::Organisation,
            role: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        };
        add(actor, &mut actors);
    }
    let outlet = rng.pick(OUTLETS).to_string();
    let year = 2022 + rng.below(4) as u16;
    let month = 1 + rng.below(12) as u8;
    let day = 1 + rng.below(28) as u8;
    let published = Date { year, month: Some(month), day: Some(day) };
    let states: Vec<&Actor> = actors.iter().filter(|a| a.kind == ActorKind::State).collect();
    let from = states[0].name.clone();
    let to = states.get(1).map_or("Russia".to_string(), |a| a.name.clone());
    let claimant = |rng: &mut Rng| actors[rng.below(actors.len())].id.clone();

    let mut figures = Vec::new();
    for f in 0..rng.skewed(0, 6) {
        let (unit, verb, subject) = rng.pick(THINGS);
        let (qualifier, words) = rng.pick(QUALIFIERS);
        let value = [1.6e6, 1e6, 500.0, 12_000.0, 200.0, 3.0, 61e9, 30.0][rng.below(8)];
        let text = format!("{words}{}", number_words(value));
        let who = claimant(rng);
        let quote = format!(
            "{from} has {verb} {text} {unit} to {to} since {}, {} said on {published}.",
            year - 1,
            actors.iter().find(|a| a.id == who).map_or("officials", |a| a.name.as_str())
        );
        figures.push(Figure {
            id: format!("figure-{f}"),
            value,
            unit: unit.to_string(),
            subject: Some(subject.to_string()),
            qualifier: *qualifier,
            text,
            claimed_by: Some(who),
            as_of: Some(published),
            quote,
            refs: Vec::new(),
        });
    }

    let mut claims = Vec::new();
    for c in 0..rng.skewed(2, 14) {
        let who = claimant(rng);
        let name = actors.iter().find(|a| a.id == who).map_or("officials", |a| a.name.as_str()).to_string();
        let (unit, verb, _) = rng.pick(THINGS);
        let concern = rng.pick(CONCERNS);
        let (stance, text, quote) = match rng.below(5) {
            0 => (
                Stance::Denies,
                format!("{name} denies that {from} {verb} {unit} to {to}."),
                format!(
                    "{name} denied on {published} that {from} had {verb} any {unit} to {to}, calling the reports a fabrication."
                ),
            ),
            1 => (
                Stance::Warns,
                format!("{name} warns that {concern}."),
                format!("{name} warned that {concern}, in remarks to reporters in the capital."),
            ),
            2 => (
                Stance::Urges,
                format!("{name} urges {from} to stop the transfers."),
                format!(
                    "“We urge {from} to stop these transfers immediately,” {name} said, adding that {concern}."
                ),
            ),
            3 => (
                Stance::Estimates,
                format!("{from} may have {verb} more {unit} to {to} than reported."),
                format!(
                    "According to {name}, {from} may have {verb} far more {unit} to {to} than was reported, though the figure could not be verified."
                ),
            ),
            _ => (
                Stance::Asserts,
                format!("{from} {verb} {unit} to {to}."),
                format!("{name} said {from} {verb} {unit} to {to} in recent weeks and that {concern}."),
            ),
        };
        let mut refs = Vec::new();
        if !earlier.is_empty() && rng.below(5) == 0 {
            let (b, item) = &earlier[rng.below(earlier.len())];
            let relation = *rng.pick(&[
                Relation::Corroborates,
                Relation::Contradicts,
                Relation::Updates,
                Relation::SameEvent,
            ]);
            refs.push(Ref { to: format!("{b}#{item}"), relation });
        }
        claims.push(Claim {
            id: format!("claim-{c}"),
            text,
            claimed_by: who,
            reported_by: None,
            stance,
            quote,
            reliability: None,
            credibility: None,
            refs,
        });
    }

    let questions = (0..rng.skewed(0, 4))
        .map(|q| Question {
            id: format!("question-{q}"),
            text: format!("Can the claim that {} be verified independently?", rng.pick(CONCERNS)),
            about: vec![claims[0].id.clone()],
            source: Some(claims[0].quote.clone()),
            refs: Vec::new(),
        })
        .collect();

    let id = format!("synthetic-{n:06}");
    for c in &claims {
        if earlier.len() < 50_000 {
            earlier.push((id.clone(), c.id.clone()));
        }
    }
    let summary = claims.iter().take(3).map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ");
    Briefing {
        schema: 1,
        id,
        title: format!("{from} and {to}: {}", claims[0].text.trim_end_matches('.')),
        summary,
        tags: vec![slug(&from), slug(&to)],
        status: Status::Draft,
        source: Source { outlet, published: Some(published), ..Source::default() },
        actors,
        figures,
        claims,
        questions,
    }
}

/// `count` briefings, the same for the same count on every run.
pub fn corpus(count: usize) -> Vec<Briefing> {
    let mut rng = Rng::new(0x6272_6965_6621);
    let mut earlier = Vec::new();
    (0..count).map(|n| briefing(&mut rng, n, &mut earlier)).collect()
}
