//! `brief questions`, `brief actors` and `brief timeline`, the folder-wide views on the command line,
//! run as real processes on the seed briefings: what they print, their JSON, their usage errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("BRIEF_DIR")
        .env("BRIEF_CACHE_DIR", cache_dir())
        .output()
        .expect("run brief")
}

/// The cache of these runs stays under target/, away from the user's cache.
fn cache_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("folder-cli-cache")
}

fn stdout(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(&brief(args))).expect("valid JSON")
}

#[test]
fn questions_say_what_addresses_them_and_why() {
    let text = stdout(&brief(&["questions"]));
    assert!(text.contains(
        "trilateral-nsa-seoul-2023-12#shell-count-basis\n  What is the basis of the South Korean estimate"
    ));
    assert!(text.contains("  by allies-condemn-pact-2024-06#shells-received (2024-06): about 1.6 million artillery shells\n  why: the figure it asks about is updated by it (a ref in the files)"), "{text}");
    assert!(text.ends_with("16 question(s), 11 open\n"), "{text}");
    let open = stdout(&brief(&["questions", "--open"]));
    assert!(open.ends_with("11 question(s), 11 open\n"));
    assert!(!open.contains("addressed"));

    let all = json(&["questions", "--json"]);
    assert_eq!(all["version"], 1);
    let all = all["questions"].as_array().unwrap();
    assert_eq!(all.len(), 16);
    let basis = all.iter().find(|q| q["item"] == "trilateral-nsa-seoul-2023-12#shell-count-basis").unwrap();
    assert_eq!(basis["status"], "addressed");
    assert_eq!(basis["date"], "2023-12");
    assert_eq!(basis["addressed_by"]["item"], "allies-condemn-pact-2024-06#shells-received");
    assert_eq!(basis["addressed_by"]["date"], "2024-06");
    let newest =
        all.iter().filter(|q| q["item"].as_str().unwrap().starts_with("allies-condemn-pact-2024-06#"));
    assert!(newest.clone().count() > 0);
    assert!(
        newest.into_iter().all(|q| q["status"] == "open" && q["addressed_by"].is_null()),
        "nothing is later"
    );
}

#[test]
fn actors_are_joined_across_spellings_and_filtered_by_kind_and_name() {
    let text = stdout(&brief(&["actors", "jong-un"]));
    assert!(
        text.starts_with(
            "Kim Jong Un (person), in 5 briefing(s) (2023-08 – 2024-06)\n  also: Kim Jong-Un, Kim\n"
        ),
        "{text}"
    );
    assert!(text.ends_with("\n1 actor(s)\n"));
    let outlets = json(&["actors", "--kind", "outlet", "--json"]);
    let outlets = outlets["actors"].as_array().unwrap();
    assert!(outlets.len() >= 3 && outlets.iter().all(|a| a["kind"] == "outlet"));
    let all = json(&["actors", "--json"]);
    let kirby = all["actors"].as_array().unwrap().iter().find(|a| a["name"] == "John Kirby").unwrap();
    assert_eq!(kirby["claims"].as_array().unwrap().len(), 13);
    assert_eq!(kirby["stances"]["asserts"], 8);
    assert_eq!(kirby["briefings"][0], "kirby-intelligence-shoigu-2023-08", "oldest first");
    let roles: Vec<&str> =
        kirby["roles"].as_array().unwrap().iter().map(|r| r["role"].as_str().unwrap()).collect();
    assert_eq!(roles.len(), 2, "{roles:?}");
    let bad = brief(&["actors", "--kind", "robot"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a kind of actor"));
}

#[test]
fn the_timeline_goes_by_month_for_the_folder_an_actor_or_a_query() {
    let all = json(&["timeline", "--json"]);
    let months: Vec<&str> =
        all["months"].as_array().unwrap().iter().map(|m| m["month"].as_str().unwrap()).collect();
    assert_eq!(months, ["2023-08", "2023-09", "2023-11", "2023-12", "2024-06"]);
    let claims: usize = all["months"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["briefings"].as_array().unwrap())
        .map(|b| b["claims"].as_array().unwrap().len())
        .sum();
    assert_eq!(claims, 67);
    // North Korea's denials, and Russia's claims that name it, in the order they were made.
    let text = stdout(&brief(&["timeline", "--actor", "Pyongyang", "--stance", "denies"]));
    let denials: Vec<&str> = text.lines().filter(|l| l.trim_start().starts_with("denies")).collect();
    assert_eq!(denials.len(), 6, "{text}");
    assert!(text.find("2023-09:").unwrap() < text.find("2024-06:").unwrap());
    let shells = stdout(&brief(&["timeline", "claim:shells"]));
    assert!(shells.contains("[allies-condemn-pact-2024-06#wapo-shells-estimate]"), "{shells}");
    assert!(!shells.contains("russia-denies-deal"));
    let nobody = brief(&["timeline", "--actor", "Nobody At All"]);
    assert_eq!(nobody.status.code(), Some(2));
    let bad = brief(&["timeline", "--stance", "shouts"]);
    assert_eq!(bad.status.code(), Some(2));
    let unclosed = brief(&["timeline", "\"artillery"]);
    assert_eq!(unclosed.status.code(), Some(2), "a query that does not parse is a usage error");
}

#[test]
fn hostile_arguments_are_neutralised_in_errors() {
    let out = brief(&["timeline", "--actor", "\u{1b}[31mred"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.contains(&0x1b), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn text_from_a_hostile_briefing_reaches_the_output_neutralised() {
    for command in [
        &["actors"][..],
        &["actors", "--json"],
        &["questions"],
        &["questions", "--json"],
        &["timeline"],
        &["timeline", "--json"],
    ] {
        let mut args = vec!["--no-cache", "--dir", "tests/fixtures/hostile"];
        args.extend_from_slice(command);
        let out = brief(&args);
        assert_eq!(out.status.code(), Some(0), "{command:?}");
        assert!(!out.stdout.is_empty(), "{command:?}");
        assert!(!out.stdout.iter().any(|&b| b == 0x1b || (b < 0x20 && b != b'\n')), "{command:?}");
    }
}
