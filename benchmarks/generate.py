"""Write a large synthetic corpus for the scale benchmarks: seeded, so every run is alike.

    python benchmarks/generate.py OUT_DIR [--topics 10000] [--claims 20] [--seed 7] [--format 2]

10,000 topic files of ~20 claims each, 1,500 actors and 500 sources (8 sections each),
with aliases, tags, related topics, statuses, notes and contradictions in realistic
proportions, all valid. Text is drawn from a fixed vocabulary so it reads like prose to
the search index (real word frequencies, stemmable plurals). With ``--format 2``, the
same corpus (the same ids, text and links) also carries format 2's keys: every source a
reliability, publisher and retrieved date, every claim a credibility and a date, alleged
claims ``by``, assessments a likelihood and confidence, and every citation a quote and a
locator (see benchmarks/format2.py).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

_VOCABULARY = (
    "trade sanctions border security alliance economy investment military nuclear missile "
    "diplomacy treaty summit pressure influence region stability buffer state export import "
    "resources coal minerals timber labour market growth poverty aid support talks peace "
    "conflict tension rivalry agreement council vote veto policy government leaders regime "
    "rights freedom press report analysts officials ministry port shipping route energy oil "
    "gas pipeline grain food famine drought harvest fishing rail bridge currency bank loans "
    "debt tariffs quotas smuggling inspections observers reforms elections protests refugees"
)
WORDS = _VOCABULARY.split()
STATUSES = ["reported"] * 6 + ["assessment"] * 3 + ["alleged", "disputed"]


def sentence(rng: random.Random, low: int = 8, high: int = 22) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def q(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid TOML basic string


LIKELIHOODS = ["unlikely", "roughly even chance", "likely", "very likely"]


def generate(out: Path, topics: int, claims: int, seed: int, fmt: int = 1) -> None:
    rng = random.Random(seed)
    graded = random.Random(seed + 1)  # its own stream: format 2 keeps format 1's corpus
    head = f"format = {fmt}\n"
    (out / "topics").mkdir(parents=True, exist_ok=True)
    (out / "actors").mkdir(exist_ok=True)
    (out / "sources").mkdir(exist_ok=True)
    actors = [f"actor-{i:04d}" for i in range(1500)]
    sources = [f"source-{i:03d}" for i in range(500)]
    sections = [f"Part {n}" for n in range(1, 9)]

    for start in range(0, len(actors), 100):
        chunk = [head]
        for a in actors[start : start + 100]:
            chunk.append(
                f"[[actors]]\nid = {q(a)}\nname = {q(a.replace('-', ' ').title())}\n"
                f"description = {q(sentence(rng, 6, 12))}\n"
                f"aliases = [{q(a.replace('actor-', 'a'))}]\n"
            )
        (out / "actors" / f"actors-{start // 100:02d}.toml").write_text("\n".join(chunk))
    for start in range(0, len(sources), 100):
        chunk = [head]
        for s in sources[start : start + 100]:
            chunk.append(
                f"[[sources]]\nid = {q(s)}\ntitle = {q(sentence(rng, 3, 7)[:-1])}\n"
                f'kind = "article"\nauthor = "Staff"\ndate = 2024-01-{rng.randint(1, 28):02d}\n'
                f"sections = [{', '.join(q(x) for x in sections)}]\n"
                + (_graded_source(graded) if fmt == 2 else "")
            )
        (out / "sources" / f"sources-{start // 100:02d}.toml").write_text("\n".join(chunk))

    for t in range(topics):
        tid = f"topic-{t:05d}"
        parts = [
            head,
            f"[[topics]]\nid = {q(tid)}\ntitle = {q(f'Topic {t} ' + rng.choice(WORDS))}\n"
            f"summary = {q(sentence(rng, 25, 45))}\n"
            f"aliases = [{q(f't{t}')}]\ntags = [{q(rng.choice(WORDS))}, {q(rng.choice(WORDS))}]\n"
            f"related = [{q(f'topic-{rng.randrange(topics):05d}')}]\n",
        ]
        for c in range(claims):
            cid = f"{tid}-c{c:02d}"
            status = rng.choice(STATUSES)
            extra = f'status = "{status}"\n' if status != "reported" else ""
            if status == "disputed":
                extra += f"note = {q(sentence(rng, 6, 12))}\n"
            if c and rng.random() < 0.1:
                extra += f"contradicts = [{q(f'{tid}-c{rng.randrange(c):02d}')}]\n"
            who = ", ".join(q(a) for a in rng.sample(actors, rng.choice((1, 1, 2))))
            quote = ""
            if fmt == 2:
                extra += _graded_claim(graded, status, actors)
                quote = f', quote = {q(sentence(graded, 4, 9)[:-1])}, locator = "p. {c + 1}"'
            parts.append(
                f"[[claims]]\nid = {q(cid)}\ntopic = {q(tid)}\nactors = [{who}]\n"
                f"text = {q(sentence(rng))}\n"
                f"cites = [{{ source = {q(rng.choice(sources))}, "
                f"section = {q(rng.choice(sections))}{quote} }}]\n{extra}"
            )
        (out / "topics" / f"{tid}.toml").write_text("\n".join(parts))


def _graded_source(rng: random.Random) -> str:
    return (
        f'reliability = "{rng.choice("ABCDEF")}"\n'
        f'publisher = "The {rng.choice(WORDS).title()} Post"\n'
        f"retrieved = 2024-02-{rng.randint(1, 28):02d}\n"
    )


def _graded_claim(rng: random.Random, status: str, actors: list[str]) -> str:
    year = rng.randint(1950, 2023)
    date = f'"{year}/{year + rng.randint(1, 3)}"' if rng.random() < 0.2 else str(year)
    out = f"credibility = {rng.randint(1, 6)}\ndate = {date}\n"
    if status == "alleged":
        out += f"by = {q(rng.choice(actors))}\n"
    if status == "assessment":
        out += f'likelihood = "{rng.choice(LIKELIHOODS)}"\nconfidence = "moderate"\n'
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--topics", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--format", type=int, choices=(1, 2), default=1, dest="fmt")
    args = parser.parse_args()
    generate(args.out, args.topics, args.claims, args.seed, args.fmt)


if __name__ == "__main__":
    main()
