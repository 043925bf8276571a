#!/usr/bin/env bash
# Scores `brief convert` on the development articles of ../shared/convert-dev (not part of the repository:
# they are others' published text) with its own scorer, split as docs/convert.md says: articles numbered 06,
# 09, 12 and 14 of each kind are the untouched part, the others the part the rules were tuned on. Prints the
# scorer's total rates for each part and kind, and for all 42. Nothing is copied into the repository: the
# split folders are links in a temporary folder.
#
#   cargo build --release && scripts/score-convert.sh [path/to/convert-dev]
set -euo pipefail
cd "$(dirname "$0")/.."
dev=${1:-../shared/convert-dev}
brief=${BRIEF_BIN:-target/release/brief}
[ -f "$dev/gold.toml" ] || { echo "no gold.toml in $dev" >&2; exit 2; }
[ -x "$brief" ] || { echo "no binary at $brief: cargo build --release" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$dev" "$work" <<'EOF'
import os, pathlib, re, sys
dev, work = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2])
arts = re.split(r'(?m)^(?=\[\[article\]\])', (dev / 'gold.toml').read_text())[1:]
untouched = {'06', '09', '12', '14'}
for art in arts:
    name = re.search(r'file = "([^"]+)"', art).group(1)
    part = 'untouched' if name[1:3] in untouched else 'tuned'
    for folder in (f'{part}-{name[0]}', part, 'all'):
        d = work / folder
        (d / 'articles').mkdir(parents=True, exist_ok=True)
        os.symlink(dev / 'articles' / name, d / 'articles' / name)
        with open(d / 'gold.toml', 'a') as gold:
            gold.write(art)
EOF
printf '%-12s %7s %7s %7s %7s %9s %8s %10s %6s\n' part actors merged figures claims questions act.prec named.prec check
for folder in tuned-a tuned-b tuned-c tuned untouched-a untouched-b untouched-c untouched all; do
  rm -rf "$work/drafts" && mkdir "$work/drafts"
  python3 "$dev/score.py" "$work/$folder" --brief "$brief" --json >"$work/rates.json"
  python3 "$dev/score.py" "$work/$folder" --brief "$brief" --keep "$work/drafts" >/dev/null
  # named.prec: act.prec over the actors the article names, leaving out those a draft makes for unnamed
  # speakers (role "unnamed source"), which the gold never lists though its claims need them.
  python3 - "$dev" "$work/$folder" "$work/drafts" "$work/rates.json" "$folder" <<'PY'
import importlib.util, json, pathlib, sys, tomllib
dev, folder, drafts, rates, name = sys.argv[1:]
spec = importlib.util.spec_from_file_location("score", pathlib.Path(dev) / "score.py")
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
gold = tomllib.loads((pathlib.Path(folder) / "gold.toml").read_text())
hit = total = 0
for a in gold["article"]:
    draft = pathlib.Path(drafts) / (pathlib.Path(a["file"]).stem.lower().replace("_", "-") + ".toml")
    d = tomllib.loads(draft.read_text()) if draft.exists() else {}
    d["actor"] = [x for x in d.get("actor", []) if x.get("role") != "unnamed source"]
    t, _ = score.score_article(a, d)
    hit += t["precision"][0]; total += t["precision"][1]
r = json.loads(pathlib.Path(rates).read_text())
print("%-12s %7.2f %7.2f %7.2f %7.2f %9.2f %8.2f %10.2f %6s" % (name, r["actor"], r["merged"], r["figure"],
      r["claim"], r["question"], r["precision"], hit / max(total, 1), "pass" if r["check"] else "FAIL"))
PY
done
