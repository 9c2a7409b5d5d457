"""Copy the selected training output into the package, keeping only what sourcing the
``ner`` component needs (config.cfg, meta.json, ner/, vocab/ with a pruned string store,
tokenizer) and stating where its data came from.

    python -m training.package --model training/output/best \
        --out src/newsgraph/resources/models/ner --dev-log training/output/train.log
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import spacy
import srsly

DATA = [
    {
        "name": "CoNLL-2003 English eng.train (Reuters RCV1, 1996), 90% of documents",
        "url": "https://www.clips.uantwerpen.be/conll2003/ner/",
        "license": "Reuters Corpus terms: research use only, not open-licensed",
    },
    {
        "name": "PolNeAR train texts (2016 US political news), 90 articles, entities labelled by en_core_web_sm",
        "url": "https://github.com/networkdynamics/PolNeAR",
        "license": "no licence stated; copyrighted news texts, research use",
    },
    {
        "name": "initial weights: en_core_web_sm 3.8.0 ner (OntoNotes 5)",
        "url": "https://github.com/explosion/spacy-models",
        "license": "MIT",
    },
]

DESCRIPTION = (
    "newsgraph's entity recogniser: en_core_web_sm 3.8.0's ner (same architecture and size, "
    "OntoNotes labels) fine-tuned on CoNLL-2003 eng.train with labels mapped to OntoNotes, "
    "silver non-name entities and rehearsal on ordinary news. Recipe: training/README.md."
)


def package(model: Path, out: Path, dev_log: Path | None) -> None:
    """Save the ``ner``-only pipeline from ``model`` to ``out`` with newsgraph's meta."""
    nlp = spacy.load(model)
    for name in list(nlp.component_names):
        if name != "ner":
            nlp.remove_pipe(name)
    nlp.meta.update(
        name="newsgraph_ner",
        version="0.1.0",
        description=DESCRIPTION,
        author="newsgraph",
        license="research use only (trained on CoNLL-2003 / Reuters RCV1)",
        sources=DATA,
        url="",
    )
    for key in ("performance", "accuracy", "speed"):
        nlp.meta.pop(key, None)
    if dev_log and dev_log.is_file():
        nlp.meta["newsgraph_training_log"] = [line for line in dev_log.read_text().splitlines() if line]
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    # The string store (1.3 MB of en_core_web_sm's strings) is not needed to run the
    # component: features are hashes and the labels live in ner/moves. Keep the labels.
    srsly.write_json(out / "vocab" / "strings.json", list(nlp.get_pipe("ner").labels))
    shutil.copy(Path(__file__).with_name("MODEL_README.md"), out / "README.md")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=Path("training/output/best"))
    parser.add_argument("--out", type=Path, default=Path("src/newsgraph/resources/models/ner"))
    parser.add_argument("--dev-log", type=Path, default=Path("training/output/train.log"))
    args = parser.parse_args()
    package(args.model, args.out, args.dev_log)


if __name__ == "__main__":
    main()
