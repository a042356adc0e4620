"""Review speed and memory at scale: a million synthetic claims across ten thousand facts.

    python benchmarks/review_scale.py                  # 1,000,000 claims, 10,000 facts
    python benchmarks/review_scale.py --claims 100000  # any size
    python benchmarks/review_scale.py --memory         # peak memory at several sizes, each
                                                       # in a fresh process, to show growth

The claims are built directly as model objects (what `claims_from_source` or a ledger would
give), so the timing is the review itself: grouping by fact key, verdicts, derived checks,
near-duplicate detection within groups and explanations, on one core. Facts mix money
figures that agree within rounding, that are in tension or conflict, levels that change over
time, dates that agree or conflict, and categorical states, from 50,000 sources.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.compare import judge  # noqa: E402
from factcheck.model import (Approx, Categorical, Claim, PartialDate, Provenance,  # noqa: E402
                             Quantity, Source)

BILLION = Decimal(10) ** 9
STEP = Decimal("0.1") * BILLION
SOURCES = 50_000


def sources(count: int) -> list[Source]:
    return [Source(id=f"s{i}", text=f"Synthetic article number {i} about company news.",
                   language="en", published=PartialDate(year=2025, month=1 + i % 12),
                   publisher=f"Outlet {i % 500}") for i in range(count)]


def _money(value: Decimal, about: bool) -> Quantity:
    if about:  # "about N billion": ±10 %
        return Quantity(value=value, low=value * Decimal("0.9"), high=value * Decimal("1.1"),
                        unit="USD", approx=Approx.ABOUT, step=STEP)
    return Quantity(value=value, low=value - STEP / 2, high=value + STEP / 2, unit="USD",
                    step=STEP)


def claims(count: int, facts: int, seed: int = 7) -> list[Claim]:
    """`count` claims spread over `facts` facts of several shapes."""
    rng = random.Random(seed)
    per_fact = max(2, count // facts)
    made: list[Claim] = []
    for fact in range(facts):
        shape = fact % 10
        subject = f"Company {fact}"
        for j in range(per_fact):
            source = f"s{(fact * 7919 + j * 104729) % SOURCES}"
            quote = f"{subject} figure {j} as reported by {source}."
            about = None
            if shape <= 5:  # money: agree (0-2), tension (3-4), conflict (5)
                predicate, obj = "investment", f"Company {fact + 1}"
                base = Decimal(10 + fact % 50) * BILLION
                if shape <= 2 or j % 10:
                    value = _money(base + rng.choice((-1, 0, 0, 1)) * STEP / 2, False)
                elif shape <= 4:
                    value = _money(base + BILLION, True)
                else:
                    value = _money(base * 2, False)
            elif shape == 6:  # a level that changes over time: a timeline
                predicate, obj = "valuation", None
                year = 2020 + j % 5
                value = _money(Decimal(year - 2015) * BILLION, False)
                about = PartialDate(year=year)
            elif shape == 7:  # dates: agree
                predicate, obj = "announced", f"Project {fact}"
                value = PartialDate(year=2025, month=1 + fact % 12)
            elif shape == 8:  # dates: one source in ten says another month
                predicate, obj = "announced", f"Project {fact}"
                value = PartialDate(year=2025, month=1 + (fact + (j % 10 == 0)) % 12)
            else:  # a state
                predicate, obj = "exclusive_provider", f"Company {fact + 1}"
                value = Categorical(j % 7 != 0)
                about = PartialDate(year=2025, month=3)
            made.append(Claim(
                id=f"c{fact}-{j}", subject=subject, predicate=predicate, object=obj,
                value=value, about=about, origin="automatic",
                provenance=Provenance(source=source, start=0, end=len(quote), quote=quote,
                                      value_start=0, value_end=len(subject))))
    return made


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(count: int, facts: int) -> dict[str, float]:
    base = peak_mb()
    started = time.perf_counter()
    corpus = {s.id: s for s in sources(SOURCES)}
    made = claims(count, facts)
    built = time.perf_counter() - started
    after_build = peak_mb()
    started = time.perf_counter()
    findings = judge(made, corpus)
    reviewed = time.perf_counter() - started
    kinds = Counter(f.kind.value for f in findings)
    return {"claims": len(made), "facts": facts, "build_s": built, "review_s": reviewed,
            "claims_per_s": len(made) / reviewed, "rss_start_mb": base,
            "rss_built_mb": after_build, "rss_peak_mb": peak_mb(),
            **{f"findings_{k}": v for k, v in sorted(kinds.items())}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--facts", type=int, default=10_000)
    parser.add_argument("--memory", action="store_true",
                        help="peak memory at 125k, 250k, 500k and 1M claims, one process each")
    args = parser.parse_args()
    if args.memory:
        print("| claims | review (s) | peak RSS (MB) | MB per 1,000 claims above a 0-claim run |")
        print("|---|---|---|---|")
        results = {}
        for count in (0, 125_000, 250_000, 500_000, 1_000_000):
            out = subprocess.run([sys.executable, __file__, "--claims", str(max(count, 2)),
                                  "--facts", str(min(args.facts, max(count // 100, 1)))],
                                 capture_output=True, text=True, check=True).stdout
            figures = dict(line.split("=", 1) for line in out.split() if "=" in line)
            results[count] = (float(figures["review_s"]), float(figures["rss_peak_mb"]))
        zero = results[0][1]
        for count, (seconds, peak) in results.items():
            per = (peak - zero) / count * 1000 if count else 0
            print(f"| {count:,} | {seconds:.2f} | {peak:,.0f} | {per:.2f} |")
        return
    result = run(args.claims, args.facts)
    print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                   for k, v in result.items()))


if __name__ == "__main__":
    main()
