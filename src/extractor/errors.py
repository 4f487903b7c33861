"""One exception root for the package; user-facing input errors apart from internal bugs.

`InputError.kind` is a stable code written into `errors.jsonl`, so users can filter failures
without parsing messages.
"""
from __future__ import annotations


class ExtractorError(Exception):
    """Root of every error this package raises on purpose."""


class InputError(ExtractorError):
    """The input cannot be turned into an article (the batch reports it and goes on)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


# Stable error kinds (the `kind` column of errors.jsonl).
UNREADABLE = "unreadable"        # missing, permission denied, a directory, I/O error
EMPTY = "empty"                  # no text at all
BINARY = "binary"                # not text in any encoding we know
UNSUPPORTED = "unsupported"      # a file type we do not read
BAD_JSONL = "bad_jsonl"          # a .jsonl line that is not a JSON object with "text"
TOO_LARGE = "too_large"          # larger than the configured limit
TIMEOUT = "timeout"              # ran over the per-input time limit
INTERNAL = "internal"            # a bug: reported with its traceback summary
