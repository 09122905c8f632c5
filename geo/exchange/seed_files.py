"""Source texts of a document: read only from files inside seeds/ (no absolute path, no `..`, no
symbolic link leading out)."""
from pathlib import Path

from django.conf import settings


def seed_file_path(seed_file):
    """The file a `seed_file` value names, resolved, which must lie inside seeds/ (no absolute path,
    no `..`, no symbolic link leading out); ValueError saying why otherwise."""
    seeds_dir = Path(settings.SEEDS_DIR).resolve()
    relative = Path(str(seed_file))
    try:
        path = (seeds_dir / relative).resolve()
    except (OSError, ValueError, RuntimeError) as error:  # a NUL byte, a symbolic link loop
        raise ValueError(f"seed_file {seed_file!r} is not a usable file name: {error}") from None
    if relative.is_absolute() or not path.is_relative_to(seeds_dir):
        raise ValueError(f"seed_file {seed_file!r} lies outside the seeds folder: give a file name inside seeds/")
    return path


def seed_text(path, seed_file):
    """The UTF-8 text of the seed file at `path` (from seed_file_path); ValueError saying why not."""
    if not path.is_file():
        raise ValueError(f"seed_file {seed_file!r} is not a file in the seeds folder")
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"seed_file {seed_file!r} cannot be read as UTF-8 text: {error}") from None
