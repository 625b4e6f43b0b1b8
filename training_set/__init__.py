"""The labelled training corpus of orderintake and its deterministic generator.

Run ``python -m training_set.generate`` from the repository root; ``docs/corpus.md``
describes the families, the folders and the public ``labels.csv`` format.
"""
