"""Whether the voice extra is installed, and the one-line hint when it is not."""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

INSTALL_HINT = 'To answer out loud, install the voice extra: pip install "mock-interview[voice]"'
"""The one line shown wherever speaking is offered but the extra is missing."""

PACKAGES = ("pocketsphinx", "sounddevice", "soundfile", "numpy")
"""The import names the voice extra brings."""


class VoiceUnavailable(Exception):
    """Speaking cannot work here: a package, a library or a device is missing. The message
    says what, and what to install, in plain words."""


def missing_packages(names: tuple[str, ...] = PACKAGES) -> list[str]:
    """The voice packages that cannot be imported here (none when the extra is in)."""
    missing = []
    for name in names:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # a broken install is as good as none
            found = False
        if not found:
            missing.append(name)
    return missing


def load(name: str) -> ModuleType:
    """Import one of the extra's packages, or raise :class:`VoiceUnavailable` with the hint.

    sounddevice raises OSError at import when the PortAudio library is missing (on Linux
    it is the ``libportaudio2`` system package), which is said in the message too.
    """
    try:
        return importlib.import_module(name)
    except ImportError:
        raise VoiceUnavailable(f"{name} is not installed. {INSTALL_HINT}") from None
    except OSError as error:
        raise VoiceUnavailable(
            f"{name} cannot load its sound library ({error}); on Linux install PortAudio "
            "(the libportaudio2 package)"
        ) from None
