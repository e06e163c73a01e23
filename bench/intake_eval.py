"""Per-field figures of the document intake on its evaluation corpus (issue 5 targets).

Run: python bench/intake_eval.py [corpus-dir] [document-name ...] [--failures]
(with names, only those documents of the corpus are scored)
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planwatch.intake.evaluate import CORPUS, TARGETS, evaluate_corpus  # noqa: E402
from planwatch.intake.gazetteer import Gazetteer  # noqa: E402


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    corpus = Path(args.pop(0)) if args and Path(args[0]).is_dir() else CORPUS
    scores = evaluate_corpus(Gazetteer.from_world(), corpus, args or None)
    for name, value in scores.figures().items():
        target = TARGETS.get(name)
        note = (
            ""
            if target is None
            else f"   (target {'<=' if name == 'furniture_lines_left' else '>='} {target})"
        )
        print(
            f"{name:28} {value:8.3f}{note}"
            if isinstance(value, float)
            else f"{name:28} {value:8d}{note}"
        )
    if "--failures" in sys.argv:
        print("\n".join(scores.failures))
    misses = scores.misses()
    if misses:
        print("targets missed:", ", ".join(misses))
    return 1 if misses else 0


if __name__ == "__main__":
    raise SystemExit(main())
