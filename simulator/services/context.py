"""What a run of the program works with: its folders, its settings and its pack cache.

Built once by the command line (or a test) and handed to the commands and the app, so
nothing reads the environment or touches the disk at import time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.common import locations
from simulator.services.config import Config, ConfigError, load_config
from simulator.services.voice_kit import VoiceKit

if TYPE_CHECKING:
    # Imported when first used: the pack machinery (pydantic, the models) is not needed
    # to parse the command line or to paint the app's first screen.
    from simulator.packs.cache import PackCache
    from simulator.packs.library import Library, LoadProgress, PackFolders


@dataclass
class Context:
    """The folders and settings of one run."""

    extra_pack_dirs: list[Path] = field(default_factory=list)
    """Folders given with ``--packs``."""
    use_cache: bool = True
    """Whether parsed packs are read from and written to the cache."""
    config: Config = field(default_factory=Config)
    """The user's settings."""
    warnings: list[str] = field(default_factory=list)
    """Problems worth telling the user that did not stop the run."""
    voice: VoiceKit = field(default_factory=VoiceKit)
    """The microphone, speakers, recogniser and speech program (tests put fakes here)."""

    @classmethod
    def create(cls, extra_pack_dirs: Sequence[Path] = (), *, use_cache: bool = True) -> Context:
        """The context for this process: settings read, nothing created yet."""
        context = cls(extra_pack_dirs=list(extra_pack_dirs), use_cache=use_cache)
        try:
            context.config = load_config(locations.config_file())
        except ConfigError as error:
            context.warnings.append(f"{error}; using the default settings")
        return context

    def pack_folders(self) -> PackFolders:
        """Built-in, user, config and ``--packs`` folders, in shadowing order."""
        from simulator.packs.library import PackFolders

        configured = [Path(folder).expanduser() for folder in self.config.pack_folders]
        return PackFolders(
            builtin=locations.builtin_packs_dir(),
            user=locations.user_packs_dir(),
            extra=[*configured, *self.extra_pack_dirs],
        )

    def pack_cache(self) -> PackCache:
        """The parsed-pack cache (disabled when ``use_cache`` is off)."""
        from simulator.packs.cache import PackCache

        return PackCache(locations.pack_cache_dir() if self.use_cache else None)

    def load_library(self, on_pack: Callable[[LoadProgress], None] | None = None) -> Library:
        """Load every installed pack."""
        from simulator.packs.library import load_library

        return load_library(self.pack_folders(), self.pack_cache(), on_pack=on_pack)
