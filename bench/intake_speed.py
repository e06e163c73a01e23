"""Speed and memory of the document intake (issue 5 and 10 targets).

Prints documents per second (CPU time of one core, so that other work on the machine does
not blur the figures) for 5 KB plain-text documents and 30 KB HTML pages built from
the evaluation corpus, the HTML time as a multiple of bare trafilatura.extract on the same
pages, the resident memory over a batch of documents (10,000 by default), and the wall
time per page of OCR on the corpus's scanned PDFs (Tesseract runs in its own processes).

Run: python bench/intake_speed.py [--batch 10000]
"""

import argparse
import gc
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402

from planwatch.intake.evaluate import CORPUS  # noqa: E402
from planwatch.intake.gazetteer import Gazetteer  # noqa: E402
from planwatch.intake.pipeline import intake_text  # noqa: E402
from planwatch.intake.read import read_path  # noqa: E402


def rss_mb() -> float:
    """Current resident set size, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def corpus_sources(kind: str) -> list[str]:
    """The corpus's documents of one kind; scans are left out (OCR is timed apart)."""
    sources = (read_path(p) for p in sorted(CORPUS.iterdir()) if p.suffix in {".txt", ".html"})
    return [source.content for source in sources if source.kind == kind]


def ocr_seconds_per_page() -> list[tuple[str, float]]:
    """Wall seconds of each page of each scanned PDF of the corpus."""
    found = []
    for path in sorted(CORPUS.glob("*.pdf")):
        source = read_path(path)
        found += [(path.name, seconds) for seconds in source.ocr_seconds]
    return found


def text_documents(count: int, size: int = 5000) -> list[str]:
    """Corpus texts padded to `size` characters with body lines of the other documents."""
    texts = corpus_sources("text")
    lines = [ln for t in texts for ln in t.splitlines()[3:] if len(ln) > 60]
    documents = []
    for i in range(count):
        base = texts[i % len(texts)]
        extra, j = [], i
        while len(base) + sum(len(x) + 1 for x in extra) < size:
            extra.append(lines[j % len(lines)])
            j += 7
        head, _, tail = base.partition("\n\n") if "\n\n" in base else (base, "", "")
        documents.append("\n".join([base, *extra]) if not tail else "\n".join([head, *extra, tail]))
    return documents


def html_documents(count: int, size: int = 30000) -> list[str]:
    """Corpus pages with paragraphs and portal furniture added until they reach `size`."""
    pages = corpus_sources("html")
    paragraphs = re.findall(r"<p>.*?</p>", "".join(pages), flags=re.S)
    furniture = (
        '<div class="r{0}"><ul><li><a href="/n/{0}.html">Province holds forum {0}</a>'
        "<span>2019-01-0{1}</span></li></ul></div>"
    )
    documents = []
    for i in range(count):
        page = pages[i % len(pages)]
        filler, j = [], i
        while len(page) + sum(len(x) for x in filler) < size:
            filler.append(paragraphs[j % len(paragraphs)])
            filler.append(furniture.format(j, j % 9 + 1))
            j += 5
        cut = page.find("</p>") + 4
        documents.append(page[:cut] + "".join(filler) + page[cut:])
    return documents


def rate(function, documents: list[str]) -> float:
    """Documents per second of CPU time of this process: one core, whatever else runs."""
    start = time.process_time()
    for document in documents:
        function(document)
    return len(documents) / (time.process_time() - start)


def interleaved(functions, documents: list[str]) -> list[float]:
    """Documents per CPU second of each function, taking turns on every document so that a
    busy machine slows all of them alike."""
    spent = [0.0] * len(functions)
    for document in documents:
        for i, function in enumerate(functions):
            start = time.process_time()
            function(document)
            spent[i] += time.process_time() - start
    return [len(documents) / s for s in spent]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=10000, help="documents in the memory run")
    args = parser.parse_args()
    gazetteer = Gazetteer.from_world()
    texts = text_documents(300)
    pages = html_documents(100)
    intake_text(texts[0], gazetteer)
    intake_text(pages[0], gazetteer, html=True)
    print(f"plain text, {sum(map(len, texts)) // len(texts)} chars each, 1 core:")
    print(f"  {rate(lambda d: intake_text(d, gazetteer), texts):8.1f} documents/s  (target >= 50)")
    print(f"HTML, {sum(map(len, pages)) // len(pages)} chars each:")
    ours, bare, fast = interleaved(
        [
            lambda d: intake_text(d, gazetteer, html=True),
            lambda d: trafilatura.extract(d, include_comments=False),
            lambda d: trafilatura.extract(d, include_comments=False, fast=True),
        ],
        pages,
    )
    print(f"  intake (trafilatura fast mode + filter, links, directives) {ours:8.1f} pages/s")
    print(f"  bare trafilatura.extract (default)                         {bare:8.1f} pages/s")
    print(f"  bare trafilatura.extract (fast=True)                       {fast:8.1f} pages/s")
    print(f"  time ratio to default extract {bare / ours:5.2f} x  (target <= 1.5)")
    print(f"  time ratio to fast extract    {fast / ours:5.2f} x")
    print(f"memory over {args.batch} documents (mixed text and HTML):")
    mixed = texts[:90] + pages[:10]
    gc.collect()
    samples = []
    for i in range(args.batch):
        document = mixed[i % len(mixed)]
        intake_text(document, gazetteer, html=document.lstrip().startswith("<"))
        if (i + 1) % max(1, args.batch // 5) == 0:
            gc.collect()
            samples.append((i + 1, rss_mb()))
            print(f"  after {i + 1:6d}: RSS {samples[-1][1]:7.1f} MB", flush=True)
    growth = samples[-1][1] - samples[0][1]
    print(f"  growth from first to last sample: {growth:+.1f} MB")
    print("OCR of scanned PDFs (render at 300 dpi + Tesseract chi_sim+eng), wall time:")
    for name, seconds in ocr_seconds_per_page():
        print(f"  {name}: {seconds:5.1f} s per page")


if __name__ == "__main__":
    main()
