"""The package's exceptions, each with a message meant for the person running the tool."""

from __future__ import annotations

from pathlib import Path


class RectifyError(Exception):
    """Base class of the package's own errors."""


class NoticeReadError(RectifyError):
    """A notice file that cannot be read; ``reason`` is meant for the person running the tool."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):  # keep (path, reason) across pickling, e.g. from worker processes
        return type(self), (self.path, self.reason)


class NotANotice(RectifyError, ValueError):
    """The text holds no rectification notice; the message says what it looks like instead.

    ``doc_kind`` is what the document is (``meeting_news``, ``inspection_announcement``,
    ``rectification_plan``, ``other``), or None when nothing could be read.
    """

    def __init__(self, message: str, doc_kind: str | None = None) -> None:
        super().__init__(message)
        self.doc_kind = doc_kind

    def __reduce__(self):  # keep doc_kind across pickling, e.g. from worker processes
        return type(self), (str(self), self.doc_kind)


class TaxonomyError(RectifyError, ValueError):
    """A coding scheme (taxonomy YAML) that cannot be used; the message names the file and entry."""


class ConfigError(RectifyError, ValueError):
    """A report build configuration (``reports.yml``) that cannot be used."""


class LimitExceeded(NoticeReadError):
    """A file past one of the reading limits (``config.ReadLimits``); ``limit`` names it."""

    def __init__(self, path: str | Path, reason: str, limit: str) -> None:
        super().__init__(path, reason)
        self.limit = limit

    def __reduce__(self):
        return type(self), (self.path, self.reason, self.limit)


class OutputError(RectifyError, OSError):
    """Outputs that could not be written; the previous good ones were left in place."""


class BuildLocked(RectifyError):
    """Another build holds the output folder's lock; the message names its process."""


class BuildInterrupted(RectifyError):
    """A build stopped by Ctrl-C or SIGTERM after recording what had finished."""

    def __init__(self, message: str, signal_name: str = "SIGINT") -> None:
        super().__init__(message)
        self.signal_name = signal_name

    def __reduce__(self):
        return type(self), (str(self), self.signal_name)
