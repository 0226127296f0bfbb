#!/usr/bin/env python3
"""Checks facts.json against the research notes it was compiled from.

facts.json is curated by hand from japan-facts.md (there is nothing to download: every entry is a sourced fact).
This script is the regeneration check: it fails when an address or phone number in the data does not appear in
the notes, when an id is referenced but missing, or when a fact is graded above its best source.

usage: check-facts.py [path/to/japan-facts.md]   (default: ../shared/research/japan-facts.md beside the repository)
"""
import json
import pathlib
import sys

here = pathlib.Path(__file__).resolve().parent
repo = here.parents[3]
def find_notes():
    # The notes live in shared/research/ beside the repository (or beside a worktree's parent).
    for folder in repo.parents:
        candidate = folder / "shared" / "research" / "japan-facts.md"
        if candidate.exists():
            return candidate
    sys.exit("japan-facts.md not found beside the repository; pass its path")
notes_path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else find_notes()
data = json.loads((here / "facts.json").read_text(encoding="utf-8"))
notes = notes_path.read_text(encoding="utf-8")
problems = []

def in_notes(url):
    bare = url.split("://", 1)[-1]
    return url in notes or bare in notes

for s in data["sources"]:
    if "url" in s and not in_notes(s["url"]):
        problems.append(f"source {s['id']}: url not in the notes: {s['url']}")
for c in data["contacts"]:
    if "url" in c and not in_notes(c["url"]):
        problems.append(f"contact {c['id']}: url not in the notes: {c['url']}")
    for number in [c.get("phone")] + [n["number"] for n in c.get("otherNumbers", [])]:
        if number and number not in notes:
            problems.append(f"contact {c['id']}: number not in the notes: {number}")

grades = ["primary", "press", "lowAuthority", "unverified"]
source_grade = {s["id"]: grades.index(s["grade"]) for s in data["sources"]}
for section in ["facts", "statistics", "policies", "contacts", "regimes"]:
    for item in data.get(section, []):
        ids = item.get("sources", [])
        missing = [i for i in ids if i not in source_grade]
        if missing:
            problems.append(f"{section} {item['id']}: unknown sources {missing}")
        elif ids and grades.index(item["grade"]) < min(source_grade[i] for i in ids):
            problems.append(f"{section} {item['id']}: graded {item['grade']} above its sources")

for p in problems:
    print(p)
print(f"checked {len(data['sources'])} sources, {len(data['facts'])} facts, {len(data['statistics'])} releases, "
      f"{len(data['policies'])} policies, {len(data['contacts'])} contacts: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
