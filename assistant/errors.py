"""Every error the assistant raises on purpose.

Each carries a message for people in Chinese (``message``) and in English
(``message_en``), so the CLI and the app can show a clear sentence instead of a
traceback.

>>> e = IngestError("文件为空", "the file is empty")
>>> str(e)
'文件为空 (the file is empty)'
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base class: a failure the user can understand and act on."""

    exit_code = 2

    def __init__(self, message: str, message_en: str | None = None, *, field: str | None = None):
        self.message = message
        self.message_en = message_en or message
        self.field = field
        super().__init__(f"{message} ({self.message_en})" if message_en else message)

    def to_dict(self) -> dict:
        d = {"error": type(self).__name__, "message": self.message, "message_en": self.message_en}
        if self.field:
            d["field"] = self.field
        return d


class InputError(AssistantError):
    """Text or a value given to the assistant cannot be used: invalid characters, too long, out of range,
    or a file that cannot be read as what it should be. Raised by ``assistant.textin``, the one boundary."""


class IngestError(AssistantError):
    """A document could not be read or segmented; nothing was changed."""


class CorpusError(AssistantError):
    """The corpus on disk is inconsistent, or a document/clause does not exist."""


class DeleteError(CorpusError):
    """A document could not be deleted or replaced (protected, referenced, or a file operation failed);
    nothing was changed."""


class NotFoundError(CorpusError):
    """A document or clause id that the corpus does not have."""


class IndexError_(AssistantError):
    """The search index could not be built or loaded."""


class QueryError(AssistantError):
    """A question that cannot be searched (e.g. empty)."""


class RuleError(AssistantError):
    """A rule parameter file is invalid, or a calculator got invalid input."""


class FormError(AssistantError):
    """A form could not be produced from the given data."""


class ConfigError(AssistantError):
    """A configuration value (encoder, endpoint, path) is invalid."""


class BusyError(AssistantError):
    """Another process holds the corpus or index write lock for longer than we wait."""
