#!/usr/bin/env python3
"""Expands the functional suite's templates × targets into suite-<language>.tsv (reproducible: no randomness).

Usage: python3 data/functional/generate.py   (from anywhere; rewrites the suite files next to this script)

Each template's placeholders ({grp}, {grp_def}, {slur}, {slur_def}, {person}, {person_gen}) take every target of the
kind they name (targets-<language>.tsv). A template of functionality "obfuscation" marks one word in [brackets]; it
becomes one case per obfuscation (leet, spaces added, spaces removed, swapped letters, dropped letter, homoglyphs).
Split: odd template numbers are dev (tune on these), even ones are test (report only).
"""
import csv
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
LANGUAGES = ("en", "da")
COLUMNS = ("id", "language", "functionality", "expected", "min_tier", "split", "template", "target", "text")
VOWELS = "aeiouyæøå"
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "A": "4", "E": "3", "I": "1", "O": "0"}
# Cyrillic letters that look like Latin ones
HOMOGLYPHS = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "c": "\u0441", "p": "\u0440", "x": "\u0445",
              "y": "\u0443", "i": "\u0456", "M": "\u041c", "J": "\u0408", "R": "\u0420"}


def rows(path):
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def targets(language):
    """kind -> [(target id, {placeholder: form})]"""
    by_kind = {}
    for row in rows(os.path.join(HERE, f"targets-{language}.tsv")):
        kind = row["kind"]
        prefix = "grp" if kind == "group" else kind
        forms = {prefix: row["form"]}
        if row.get("form_def"):
            forms[prefix + ("_gen" if kind == "person" else "_def")] = row["form_def"]
        by_kind.setdefault(kind, []).append((row["target"], forms))
    return by_kind


def kind_of(text):
    for placeholder, kind in (("{grp", "group"), ("{slur", "slur"), ("{person", "person")):
        if placeholder in text:
            return kind
    return None


def capitalise(text):
    """Upper-cases the first letter of the text and of every quoted sentence ("{grp_def} burde skydes")."""
    text = re.sub(r'(^|\s)"(\w)', lambda m: m.group(1) + '"' + m.group(2).upper(), text)
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:]
    return text


def longest_word(words):
    return max(range(len(words)), key=lambda i: len(words[i]))


def swap_letters(word):
    i = 1 if len(word) >= 4 else 0
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def drop_letter(word):
    for i in range(1, len(word)):
        if word[i].lower() in VOWELS:
            return word[:i] + word[i + 1:]
    return word[0] + word[2:]


def on_longest(change):
    def apply(segment):
        words = segment.split(" ")
        i = longest_word(words)
        words[i] = change(words[i])
        return " ".join(words)
    return apply


OBFUSCATIONS = {
    "leet": lambda s: "".join(LEET.get(c, c) for c in s),
    "spaces_added": lambda s: " ".join(" ".join(word) for word in s.split(" ")),
    "spaces_removed": None,  # joins the marked word to its neighbours: needs the whole sentence, see obfuscate()
    "swapped_letters": on_longest(swap_letters),
    "dropped_letter": on_longest(drop_letter),
    "homoglyphs": lambda s: "".join(HOMOGLYPHS.get(c, c) for c in s),
}


def obfuscate(text, name):
    match = re.search(r"\[([^\]]+)\]", text)
    if not match:
        raise ValueError("an obfuscation template marks one [word]: " + text)
    before, segment, after = text[:match.start()], match.group(1), text[match.end():]
    if name == "spaces_removed":
        return before.rstrip(" ") + segment.replace(" ", "") + after.lstrip(" ")
    return before + OBFUSCATIONS[name](segment) + after


def fill(text, forms):
    for placeholder, form in sorted(forms.items(), key=lambda kv: -len(kv[0])):
        text = text.replace("{" + placeholder + "}", form)
    if "{" in text:
        raise ValueError("unfilled placeholder in: " + text)
    return capitalise(text)


def expand(language):
    by_kind = targets(language)
    cases = []
    seen = set()
    for t in rows(os.path.join(HERE, f"templates-{language}.tsv")):
        template_id = f"{language}-{t['functionality']}-{t['number']}"
        split = "dev" if int(t["number"]) % 2 == 1 else "test"
        kind = kind_of(t["text"])
        fillings = by_kind[kind] if kind else [("-", {})]
        variants = OBFUSCATIONS if t["functionality"] == "obfuscation" else {None: None}
        for variant in variants:
            functionality = f"obfuscation_{variant}" if variant else t["functionality"]
            for target, forms in fillings:
                text = fill(t["text"], forms)
                if variant:
                    text = obfuscate(text, variant)
                case_id = f"{language}-{functionality}-{t['number']}" + ("" if target == "-" else "-" + target)
                n = 2
                while case_id in seen:
                    case_id = f"{language}-{functionality}-{t['number']}-{target}-{n}"
                    n += 1
                seen.add(case_id)
                cases.append((case_id, language, functionality, t["expected"], t["min_tier"], split, template_id,
                              target, text))
    return cases


def main():
    for language in LANGUAGES:
        cases = expand(language)
        with open(os.path.join(HERE, f"suite-{language}.tsv"), "w", encoding="utf-8", newline="") as f:
            f.write("\t".join(COLUMNS) + "\n")
            for case in cases:
                if any("\t" in field or "\n" in field for field in case):
                    raise ValueError("tab or newline in case " + case[0])
                f.write("\t".join(case) + "\n")
        print(f"suite-{language}.tsv: {len(cases)} cases")


if __name__ == "__main__":
    main()
