"""The plugin's one exception hierarchy.

Every error the user may see carries a translated, user-facing ``message``, a ``level`` (mirroring
``Qgis.MessageLevel`` values, without importing qgis) and ``details`` for the log. The GUI shows ``message`` in the
message bar with a button to the log; the full ``details`` go to the message log under the plugin's tag.
"""

from __future__ import annotations

from enum import IntEnum


class Level(IntEnum):
    """Same numeric values as ``Qgis.MessageLevel`` (Info, Warning, Critical, Success)."""

    INFO = 0
    WARNING = 1
    CRITICAL = 2
    SUCCESS = 3


class PratoError(Exception):
    """Base of every error the plugin reports to the user."""

    default_level = Level.CRITICAL

    def __init__(self, message: str, details: str = "", level: Level | None = None):
        super().__init__(message)
        self.message = message
        self.details = details
        self.level = self.default_level if level is None else level

    def __str__(self) -> str:
        return f"{self.message}\n{self.details}" if self.details else self.message


class InputError(PratoError):
    """The user's input (a layer, a file, a parameter) cannot be used as it is."""

    default_level = Level.WARNING


class DataFormatError(PratoError):
    """A file or a response is not what it claims to be (HTML instead of JSON, a corrupt zip, ...)."""


class NetworkError(PratoError):
    """The network or a server failed: timeouts, HTTP errors, refused connections."""

    def __init__(self, message: str, details: str = "", level: Level | None = None, status: int | None = None,
                 retryable: bool = False):
        super().__init__(message, details, level)
        self.status = status
        self.retryable = retryable


class AuthenticationError(NetworkError):
    """The server refused our credentials (HTTP 401/403)."""


class StoreError(PratoError):
    """The local interventions store cannot be opened or written."""


class ValidationError(InputError):
    """An intervention (or another record) breaks a rule of its schema; ``problems`` lists each broken rule."""

    def __init__(self, message: str, problems: list | None = None, details: str = "", level: Level | None = None):
        super().__init__(message, details, level)
        self.problems = list(problems or [])


class SyncError(PratoError):
    """Synchronisation with the municipal API failed."""


class ExportError(PratoError):
    """The contractor package could not be written or did not verify."""


class CancelledError(PratoError):
    """The user cancelled the operation; not an error to shout about."""

    default_level = Level.INFO
