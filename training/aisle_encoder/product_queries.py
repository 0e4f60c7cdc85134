"""Shopper-style queries for a catalog product, with augmentation: what the encoder learns to match.

The templates here are the training side only; the evaluation set in bench/eval/ was written
separately, so retrieval figures measure generalisation.
"""
import random
import re

STYLE_OPENERS = ["", "", "", "i need ", "looking for ", "show me ", "do you have ", "i want ", "any ", "best "]
TEMPLATES = [
    "{noun}", "{color} {noun}", "{material} {noun}", "{noun} in {color}", "{brand} {noun}",
    "{noun} by {brand}", "{noun} under {price}", "{color} {material} {noun}", "{noun} for {who}",
    "{noun} made of {material}", "{adj} {noun}", "{adj} {color} {noun}", "{noun} {size}",
    "a {noun} for my {room}", "something like a {noun} but {color}", "{noun} that is {material}",
    "gift idea: {noun} for {who}", "{title}", "{title_words}",
]
ROOMS = ["living room", "bedroom", "kitchen", "office", "apartment", "garden", "kids room", "studio"]
WHO = ["kids", "women", "men", "my mom", "a toddler", "my dad", "a teenager", "my dog", "my cat", "travel"]


def singular(word: str) -> str:
    """Catalog leaves are plural ("Sofas"); queries mostly singular."""
    w = word.lower()
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def noun_phrases(p: dict) -> list[str]:
    """Ways a shopper names the product: its tag phrase, the category leaf, the title tail."""
    leaf = p["category"][-1] if p["category"] else ""
    options = [singular(part.strip()) for part in re.split(r"&| and ", leaf) if part.strip()]
    if p["tags"]:
        options.append(p["tags"][0])
    return options or [p["title"].lower()]


def typo(word: str, rng: random.Random) -> str:
    """One keyboard slip: drop, double, swap or replace a letter."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    if kind == 2:
        return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]
    return word[:i] + rng.choice("aeioustnr") + word[i + 1:]


def substitute(text: str, synonyms: dict[str, list[str]], rng: random.Random) -> str:
    """Replaces a phrase with a synonym from the training groups, longest phrases first."""
    for phrase in sorted(synonyms, key=len, reverse=True):
        if re.search(rf"\b{re.escape(phrase)}\b", text) and rng.random() < 0.7:
            return re.sub(rf"\b{re.escape(phrase)}\b", rng.choice(synonyms[phrase]), text, count=1)
    return text


SENTENCE = re.compile(r"(?<=[.!?])\s+")
NEED_OPENERS = ["", "", "something that ", "i want something that ", "need something that ", "anything that "]


def need_query(p: dict, rng: random.Random) -> str | None:
    """A need in the words of the product's own description ("keeps soup hot until lunchtime"), with
    the product's nouns often dropped, so the encoder learns what products are for, not only their names."""
    sentences = [s for s in SENTENCE.split(p.get("description") or "")[1:] if 4 <= len(s.split()) <= 22]
    if not sentences:
        return None
    words = re.sub(r"[^\w\s'-]", " ", rng.choice(sentences)).lower().split()
    nouns = {w for n in noun_phrases(p) for w in n.split()} | {w.lower() for w in p["title"].split()}
    if rng.random() < 0.6:
        words = [w for w in words if w not in nouns] or words
    if len(words) > 8 and rng.random() < 0.5:
        start = rng.randrange(0, len(words) - 6)
        words = words[start:start + rng.randrange(5, 9)]
    words = [w for w in words if rng.random() > 0.1] or words
    return (rng.choice(NEED_OPENERS) + " ".join(words)).strip()


def make_query(p: dict, rng: random.Random, synonyms: dict[str, list[str]], need_share: float = 0.0) -> str:
    """One augmented query whose intended answer is product `p`; `need_share` of them are needs."""
    if need_share and rng.random() < need_share:
        need = need_query(p, rng)
        if need:
            return need
    price = p.get("price") or 50
    fields = {
        "noun": rng.choice(noun_phrases(p)), "color": rng.choice(p["colors"] or [""]),
        "material": rng.choice(p["materials"] or [""]), "brand": p["brand"] or "",
        "price": f"${int(price * rng.uniform(1.05, 1.6)) + 1}", "who": rng.choice(WHO), "room": rng.choice(ROOMS),
        "adj": rng.choice((p["tags"][1:] or [""])[:4]), "size": rng.choice(p["sizes"] or [""]),
        "title": p["title"].lower(), "title_words": " ".join(rng.sample(p["title"].lower().split(), k=min(3, len(p["title"].split())))),
    }
    query = rng.choice(STYLE_OPENERS) + rng.choice(TEMPLATES).format(**fields)
    query = substitute(re.sub(r"\s+", " ", query).strip(), synonyms, rng)
    words = query.split()
    if rng.random() < 0.15 and words:
        j = rng.randrange(len(words))
        words[j] = typo(words[j], rng)
    if rng.random() < 0.1 and len(words) > 2:
        rng.shuffle(words)
    return " ".join(words)


def synonym_index(groups: list[list[str]]) -> dict[str, list[str]]:
    """phrase → the other phrases of its group."""
    return {w: [o for o in g if o != w] for g in groups for w in g}
