"""A Vietnamese NER model trained in this repository (spaCy, CNN, CPU).

- `data`: training examples from the gold `dev` split (gold) and the rules' output (silver).
- `tokens`: the tokenizer (syllables, punctuation split off) and sentence splitting.
- `train`: `python -m extractor.nermodel.train` writes `models/ner-vi/`.
- `model`: `load()` and `entities(text)`, what the pipeline calls.
- `conll`: `python -m extractor.nermodel.conll` writes `data/annotated/test.conll`.
- `compare`: `python -m extractor.nermodel.compare`, what the model adds over the rules.

Labels: PERSON, ORGANIZATION, LOCATION, DATE.
"""

LABELS = ("PERSON", "ORGANIZATION", "LOCATION", "DATE")
