"""How many trigger windows hold no word before the trigger that could start a mention: the
share of master-pattern searches a fast path skipping those words could take.

    python benchmarks/extraction/lookback_windows.py
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import extraction as bench  # noqa: E402

from factcheck.extract import extract, scan  # noqa: E402


def main() -> None:
    sets = {"seeds (fr, dev)": bench.load_annotations(bench.ANNOTATIONS / "seeds.toml",
                                                      bench.ROOT / "seeds"),
            "English (held-out)": bench.load_annotations(bench.ANNOTATIONS
                                                         / "english-heldout.toml")}
    first_match = scan._first_match
    counts = {True: 0, False: 0}

    def counted(language, starts, text, low, high, endpos):
        words = (token.group() for token in scan._TOKEN.finditer(text, low, high))
        none = all(scan._patterns_at(language, word) == () for word in words)
        counts[none] += 1
        return first_match(language, starts, text, low, high, endpos)

    scan._first_match = counted
    for label, text, language in bench.timed_texts(1.0, sets):
        counts[True] = counts[False] = 0
        extract(text, language, "2025-03-01")
        share = counts[True] / (counts[True] + counts[False])
        print(f"{label}: {counts[True]} of {counts[True] + counts[False]} windows "
              f"({share:.0%}) hold no word that can start a mention before the trigger")


if __name__ == "__main__":
    main()
