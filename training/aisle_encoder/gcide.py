"""GCIDE (the GNU Collaborative International Dictionary of English, Debian's dict-gcide) as
(headword, definition) pairs: definitions of some 100,000 words in every trade and domain, which
WordNet's glosses alone do not cover. Read from the dictd files at training time."""
import gzip
import re
from pathlib import Path

# Senses marked obsolete, rare or archaic, and taxonomy-heavy domains, teach nothing a shopper says.
SKIP_MARKS = re.compile(r"\[(Obs|R|Archaic|Poetic|Prov\. Eng|Scot)\.?\]|\((Obs|Bot|Zool|Anat|Paleon|Zoöl|Biol|Chem|Med|Law|Theol|Gram|Rhet|Astron|Geol|Min)\.?\)")
NOISE = [
    (re.compile(r"\[(1913 Webster|PJC|WordNet[^\]]*|[^\]]{0,40}Source[^\]]*)\]"), " "),
    (re.compile(r"--[A-Z][\w. ]*"), " "),            # citations: --Shak.
    (re.compile(r"\{([^}]*)\}"), r"\1"),               # cross-references: {comic strips}
    (re.compile(r"\[[^\]]*\]"), " "),                  # etymologies and other brackets
    (re.compile(r"\([a-z][a-z .]{0,12}\.\)", re.I), " "),  # domain labels: (Mech.)
    (re.compile(r"\s+"), " "),
]


def _clean(text: str) -> str:
    for pattern, repl in NOISE:
        text = pattern.sub(repl, text)
    return text.strip(" ;,.")


def senses(entry: str) -> list[str]:
    """The definition texts of one entry: its numbered senses, or its first paragraph; each cut at
    its first ';' (what follows is usually an example or a narrower use), quoted examples dropped."""
    while True:  # etymologies span lines and nest ([root]); drop them before reading the senses
        unbracketed = re.sub(r"\[[^\[\]]*\]", "", entry)
        if unbracketed == entry:
            break
        entry = unbracketed
    body = entry.split("\n", 1)[1] if "\n" in entry else ""
    paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
    out = []
    for p in paragraphs:
        stripped = p.strip()
        indent = len(p) - len(p.lstrip(" "))
        if indent > 6 or re.search(r"--\s*[A-Z]", p) or "\\" in p or not stripped[:1].isalnum() or stripped.startswith(("Note:", "Syn:")):
            continue  # quoted examples (indented, cited), notes, pronunciation of run-on entries
        if SKIP_MARKS.search(stripped[:80]):
            continue
        stripped = re.sub(r"^\d+\.\s*(\([a-z]\)\s*)?", "", stripped)
        first = re.split(r"(?<=[a-z])\. ", stripped.split(";", 1)[0], maxsplit=1)[0]
        text = _clean(first.split(" as, ", 1)[0].split("--", 1)[0])
        if 3 <= len(text.split()) <= 30 and not text.startswith("See "):
            out.append(text)
        if len(out) == 3:
            break
    return out


HEADER = re.compile(r"^([A-Za-z][A-Za-z -]{1,40}?) \\", re.M)


def load_pairs(directory: str | Path = "/usr/share/dictd") -> list[tuple[str, str]]:
    """(headword, definition) for every usable sense of every entry whose headword is a plain word
    or phrase (letters, spaces, hyphens; no abbreviations in capitals), lower-cased."""
    data = Path(directory) / "gcide.dict.dz"
    if not data.is_file():
        raise FileNotFoundError(f"GCIDE not in {directory}: apt-get install dict-gcide")
    text = gzip.open(data).read().decode("utf-8", "replace")
    starts = [m for m in HEADER.finditer(text) if text[m.start() - 2:m.start()] == "\n\n" or m.start() == 0]
    pairs: dict[tuple[str, str], None] = {}
    for m, following in zip(starts, starts[1:] + [None]):
        word = m.group(1)
        if word.isupper() and len(word) > 1:
            continue
        block = text[m.start():following.start() if following else len(text)]
        for sense in senses(block):
            pairs[(word.lower(), sense)] = None
    return list(pairs)
