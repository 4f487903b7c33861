"""Stage-free measuring: load the hand-annotated gold set, match predictions, score, report."""
