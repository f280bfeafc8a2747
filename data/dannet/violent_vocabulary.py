#!/usr/bin/env python3
"""Danish violent vocabulary from DanNet 2.2: candidates to review, and the reviewed words as lexicon entries.

Reads DanNet 2.2 as `jeppebundsgaard/DanNet2HunspellThesaurus` holds it at a pinned commit: the thesaurus built from
DanNet's synsets and relations (per word: its senses, their synonyms, hypernyms "overbegreb" and hyponyms
"underbegreb") inside the LibreOffice extension, and DanNet's own words-utf8.csv for each word's part of speech.
The repository's relations.csv and synsets.csv are large files a mirror may lack; the thesaurus carries the same links.
The checked-in candidates were written against main's lexicons at 984bc28, before this script's entries went in.

  python3 data/dannet/violent_vocabulary.py candidates [--repo GITDIR] [--rules rules] \
      > data/dannet/violent-candidates-dannet22.tsv
  python3 data/dannet/violent_vocabulary.py entries [--review data/dannet/violent-review.tsv]   # YAML lines by lexicon

`candidates` takes the synonyms of the seed words below, walks their hyponyms (and their hyponyms, to the seed's
depth) and writes one row per word: its part of speech, the seed and path that reached it, the gloss of the sense
that did, DanNet's register mark (sj. = rare, gl. = old), the regular inflections a reviewer picks from, and the
Danish lexicons that already list the word as written. A wordnet lists every sense: "slå" reaches "klappe"
(applaud) and "slå græs" (mow); the review (violent-review.tsv) is where a person decides, and `entries` turns
only its rows into lexicon lines.
"""
import argparse
import csv
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

COMMIT = "cf71630dd197228e588107c8c19e1acbc2ff7af2"
DEFAULT_REPO = "/work/.mirror/jeppebundsgaard+DanNet2HunspellThesaurus/repo"
THESAURUS_OXT = "da_DK incl dannet thesaurus.oxt"
WORDS_CSV = "DanNet-2.2/words-utf8.csv"

# seed word -> (class, depth of the hyponym walk). Verbs of killing and harm, weapons, death, and nouns that make
# people vermin, disease or filth; the classes name the lexicon family a reviewed word may go to.
SEEDS = {
    "dræbe": ("killing", 2), "myrde": ("killing", 2), "henrette": ("killing", 2), "slagte": ("killing", 1),
    "likvidere": ("killing", 1), "udrydde": ("killing", 1), "udslette": ("killing", 1), "tilintetgøre": ("killing", 1),
    "kvæle": ("killing", 1), "hænge": ("killing", 1), "brænde": ("killing", 1), "skyde": ("killing", 1),
    "afskyde": ("killing", 1), "drukne": ("killing", 1),
    "slå": ("beating", 1), "tæve": ("beating", 1), "banke": ("beating", 1), "prygle": ("beating", 1),
    "smadre": ("beating", 1), "tæske": ("beating", 1), "mishandle": ("beating", 1), "skamslå": ("beating", 1),
    "sparke": ("beating", 1), "piske": ("beating", 1), "hugge": ("beating", 1), "ødelægge": ("beating", 1),
    "skære": ("wounding", 1),
    "stikke": ("wounding", 1), "knivstikke": ("wounding", 1), "såre": ("wounding", 1), "skade": ("wounding", 1),
    "lemlæste": ("wounding", 1), "torturere": ("wounding", 1), "pine": ("wounding", 1), "voldtage": ("wounding", 1),
    "angribe": ("wounding", 1), "overfalde": ("wounding", 1),
    "våben": ("weapon", 2), "skydevåben": ("weapon", 2), "håndvåben": ("weapon", 2), "kniv": ("weapon", 1),
    "bombe": ("weapon", 1), "sprængstof": ("weapon", 1), "hugvåben": ("weapon", 1), "stikvåben": ("weapon", 1),
    "slagvåben": ("weapon", 1), "gevær": ("weapon", 1), "pistol": ("weapon", 1),
    "død": ("death", 1), "dø": ("death", 1), "lig": ("death", 1), "drab": ("death", 1), "mord": ("death", 1),
    "skadedyr": ("dehumanisation", 2), "utøj": ("dehumanisation", 1), "insekt": ("dehumanisation", 1),
    "gnaver": ("dehumanisation", 1), "snylter": ("dehumanisation", 1), "parasit": ("dehumanisation", 1),
    "sygdom": ("dehumanisation", 1), "smitte": ("dehumanisation", 1), "byld": ("dehumanisation", 1),
    "affald": ("dehumanisation", 1), "snavs": ("dehumanisation", 1), "møg": ("dehumanisation", 1),
    "pak": ("dehumanisation", 1), "afskum": ("dehumanisation", 1), "bæst": ("dehumanisation", 1),
    "uhyre": ("dehumanisation", 1),
}

POS = {"Verb": "verb", "Noun": "noun", "Adjective": "adj"}


def git_bytes(repo, path):
    return subprocess.run(["git", "--git-dir", repo, "show", f"{COMMIT}:{path}"],
                          check=True, capture_output=True).stdout


def read_thesaurus(repo):
    """word -> list of senses; a sense is (gloss, [(word, register, relation)]). A word may head several blocks."""
    with zipfile.ZipFile(io.BytesIO(git_bytes(repo, THESAURUS_OXT))) as oxt:
        lines = oxt.read("th_da_DK.dat").decode("utf-8").split("\n")
    thesaurus, i = {}, 1
    while i < len(lines):
        head = re.fullmatch(r"(.+)\|(\d+)", lines[i])
        if not head or lines[i].startswith("("):
            i += 1
            continue
        count = int(head.group(2))
        thesaurus.setdefault(head.group(1), []).extend(parse_sense(line) for line in lines[i + 1:i + 1 + count])
        i += 1 + count
    return thesaurus


def parse_sense(line):
    gloss, *words = line.split("|")
    entries = []
    for word in words:
        # marks close the entry ("klynge 'op (underbegreb)"); a bracket inside it is part of the phrase ("(nogen)")
        marks_at_end = re.search(r"( \([^)]*\))+$", word)
        marks = re.findall(r"\(([^)]*)\)", marks_at_end.group(0)) if marks_at_end else []
        form = word[:marks_at_end.start()] if marks_at_end else word
        form = re.sub(r" ?\([^)]*\)", "", form).replace("'", "").strip()
        relation = next((m for m in marks if m in ("underbegreb", "overbegreb", "nærliggende betydning")), "synonym")
        register = ",".join(m for m in marks if m not in ("underbegreb", "overbegreb", "nærliggende betydning"))
        entries.append((form, register, relation))
    return re.sub(r"^\([a-zæøå]+\) ", "", gloss).strip(), entries


def read_parts_of_speech(repo):
    parts = {}
    for row in csv.reader(io.StringIO(git_bytes(repo, WORDS_CSV).decode("utf-8")), delimiter="@"):
        if len(row) >= 3:
            parts.setdefault(row[1].replace("'", ""), set()).add(POS.get(row[2], row[2]))
    return parts


def linked(thesaurus, word, relations):
    for gloss, entries in thesaurus.get(word, []):
        for form, register, relation in entries:
            if relation in relations:
                yield form, register, gloss, relation


SYNONYMS = ("synonym", "nærliggende betydning")


def walk(thesaurus):
    """(word, seed, path, gloss, register): every synonym of a seed ("="), every hyponym (">") within its depth."""
    found = {}
    for seed, (_, depth) in SEEDS.items():
        for form, register, gloss, relation in linked(thesaurus, seed, SYNONYMS):
            if form not in found and form not in SEEDS:
                found[form] = (seed, f"{seed} = {form}", gloss, register)
        frontier = [(seed, seed)]
        for _ in range(depth):
            reached = []
            for word, path in frontier:
                for form, register, gloss, _ in linked(thesaurus, word, ("underbegreb",)):
                    if form not in found and form not in SEEDS:
                        found[form] = (seed, f"{path} > {form}", gloss, register)
                        reached.append((form, f"{path} > {form}"))
            frontier = reached
    for seed in SEEDS:
        found.setdefault(seed, (seed, seed, "(seed)", ""))
    return found


def verb_forms(infinitive):
    """Regular inflections of a Danish verb, both weak classes: the reviewer keeps the ones Danish uses."""
    head, _, rest = infinitive.partition(" ")
    if not head.endswith("e") or len(head) < 3:
        return []
    stem = head[:-1]
    # a doubled consonant is single at the end of a word: "gokke" -> "gok", "omkomme" -> "omkom"
    bare = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouyæøå" else stem
    tail = f" {rest}" if rest else ""
    return [f + tail for f in (bare, head + "r", head + "s", stem + "et", stem + "ede", bare + "t", bare + "te")]


def listed_forms(rules):
    """Every term and form the Danish lexicons list, as written, with the lexicon that lists it."""
    listed = {}
    for path in sorted(Path(rules, "lexicons", "da").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r'(?:term: |\[|, )"?=?([^",\]\[{}]+?)"?(?=[,\]}])', text):
            listed.setdefault(match.group(1).strip().lower(), set()).add(path.stem)
    return listed


def candidates(args):
    thesaurus = read_thesaurus(args.repo)
    parts = read_parts_of_speech(args.repo)
    listed = listed_forms(args.rules)
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["word", "pos", "class", "seed", "path", "gloss", "register", "regular_forms", "listed_in"])
    for word, (seed, path, gloss, register) in sorted(walk(thesaurus).items()):
        pos = "/".join(sorted(parts.get(word, {"phrase" if " " in word else "?"})))
        forms = verb_forms(word) if "verb" in pos else []
        lexicons = sorted(set().union(*(listed.get(f, set()) for f in [word, *forms])))
        out.writerow([word, pos, SEEDS[seed][0], seed, path, gloss, register, " ".join(forms), ",".join(lexicons)])


def entries(args):
    """The reviewed rows as lexicon entries, grouped by lexicon, in the review's order."""
    by_lexicon = {}
    with open(args.review, encoding="utf-8") as review:
        rows = csv.DictReader((line for line in review if not line.startswith("#")), delimiter="\t")
        for row in rows:
            forms = ", ".join(quote(f) for f in row["forms"].split(";") if f)
            by_lexicon.setdefault(row["lexicon"], []).append(f"  - {{term: {quote(row['word'])}, forms: [{forms}]}}")
    for lexicon, lines in by_lexicon.items():
        print(f"# {lexicon}")
        print("\n".join(lines))


def quote(form):
    return f'"{form}"' if " " in form or form.startswith("=") else form


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["candidates", "entries"])
    parser.add_argument("--repo", default=DEFAULT_REPO, help="git dir of jeppebundsgaard/DanNet2HunspellThesaurus")
    parser.add_argument("--rules", default="rules")
    parser.add_argument("--review", default=str(Path(__file__).with_name("violent-review.tsv")))
    args = parser.parse_args()
    candidates(args) if args.command == "candidates" else entries(args)


if __name__ == "__main__":
    main()
