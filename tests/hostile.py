"""A corpus that tries to break reports: markup, event handlers, script URLs and
spreadsheet formulas in article text and metadata, around a real conflict of figures."""

import json
from pathlib import Path

from factcheck import Source

SCRIPT = '<script>document.title="pwned"</script>'
IMAGE = "<img src=x onerror=\"document.title='pwned'\">"
FORMULA = '=HYPERLINK("http://attacker.example/","click")'


def hostile_sources() -> list[Source]:
    """Two sources that disagree on OpenAI's funds raised (10 vs 6 billion dollars)."""
    return [
        Source(id="evil", language="fr", published="2025-03-01",
               publisher="<b>Evil</b> News", url="javascript:alert(1)",
               title='"><script>alert(1)</script>',
               text=f"OpenAI a levé 10 milliards de dollars {SCRIPT} auprès de Microsoft "
                    f"en janvier 2025 {FORMULA}."),
        Source(id="journal", language="fr", published="2025-03-02",
               publisher="+Le <i>Journal</i>", url="https://example.org/b?x=1&y=<2>",
               text=f"OpenAI a levé 6 milliards de dollars {IMAGE} auprès de Microsoft "
                    "en janvier 2025."),
    ]


def write_hostile_corpus(folder: Path) -> Path:
    """The hostile sources as a corpus folder: sources.toml and one .txt per article."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for source in hostile_sources():
        (folder / f"{source.id}.txt").write_text(source.text, encoding="utf-8")
        fields = {"id": source.id, "file": f"{source.id}.txt", "language": source.language,
                  "published": str(source.published), "publisher": source.publisher,
                  "url": source.url, "title": source.title}
        entries.append("[[source]]\n" + "".join(
            f"{key} = {json.dumps(value, ensure_ascii=False)}\n"
            for key, value in fields.items() if value is not None))
    (folder / "sources.toml").write_text("\n".join(entries), encoding="utf-8")
    return folder
