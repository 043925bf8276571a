//! `source.article` must lie inside the briefing folder's parent tree, outside hidden folders: anything
//! else is an error at the `article` key (file:line:col), and the file is not read.

use std::fs;
use std::path::Path;
use std::process::Command;

fn briefing(article: &str) -> String {
    format!(
        "schema = 1\nid = \"b\"\ntitle = \"T\"\nsummary = \"S\"\nstatus = \"draft\"\n\n[source]\n\
         outlet = \"Wire\"\narticle = \"{article}\"\n\n[[actor]]\nid = \"w\"\nname = \"Wire\"\nkind = \"outlet\"\n\n\
         [[claim]]\nid = \"c\"\ntext = \"x\"\nclaimed_by = \"w\"\nstance = \"asserts\"\nquote = \"root:x:0:0\"\n"
    )
}

fn check(dir: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("check")
        .arg(dir)
        .env("BRIEF_NO_CACHE", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn articles_outside_the_folders_parent_tree_are_refused_where_they_are_named() {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("project");
    let dir = root.join("briefings");
    fs::create_dir_all(&dir).unwrap();
    fs::create_dir_all(root.join("assets/articles")).unwrap();
    fs::create_dir_all(root.join(".secret")).unwrap();
    fs::write(root.join("assets/articles/ok.txt"), "root:x:0:0 was said.").unwrap();
    fs::write(root.join(".secret/key.txt"), "root:x:0:0").unwrap();
    fs::write(temp.path().join("outside.txt"), "root:x:0:0").unwrap();
    std::os::unix::fs::symlink(temp.path().join("outside.txt"), root.join("assets/articles/link.txt"))
        .unwrap();
    let cases = [
        ("/etc/passwd", "an absolute path"),
        ("../../outside.txt", "outside"),
        ("../../../../../../../../etc/passwd", "outside"),
        ("../assets/articles/link.txt", "outside"),
        ("../.secret/key.txt", "hidden"),
    ];
    for (article, why) in cases {
        fs::write(dir.join("b.toml"), briefing(article)).unwrap();
        let (code, out) = check(&dir);
        assert_eq!(code, 1, "{article}: {out}");
        assert!(out.contains("b.toml:9:11: error: article"), "{article}: file:line:col of the key: {out}");
        assert!(out.contains(why) && out.contains("it was not read"), "{article}: {out}");
        assert!(!out.contains("quote not found"), "{article}: the file was not read: {out}");
    }
    fs::write(dir.join("b.toml"), briefing("../assets/articles/ok.txt")).unwrap();
    let (code, out) = check(&dir);
    assert_eq!(code, 0, "the seeds' layout is allowed: {out}");
}

#[test]
fn convert_links_no_article_a_briefing_there_may_not_read() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("project/briefings");
    fs::create_dir_all(&dir).unwrap();
    let article = temp.path().join("elsewhere.txt");
    fs::write(&article, "SEOUL (Wire) — The ministry said on Monday that it sent 40 trucks.").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["--dir"])
        .arg(&dir)
        .arg("convert")
        .arg(&article)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let draft = fs::read_to_string(dir.join("elsewhere.toml")).unwrap();
    assert!(!draft.contains("\narticle ="), "{draft}");
    let (code, out) = check(&dir);
    assert_eq!(code, 0, "{out}");
}
