"""Stage 5: one extractor per field family. Each reads a Document and returns schema items."""
