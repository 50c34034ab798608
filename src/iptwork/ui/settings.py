"""A small typed facade over QSettings: UI state only, never workbook data.

What is kept: the recent workbooks, the last workbook, the window's geometry, the
preferences (theme, text size, export privacy defaults, auto-lock, backups), and the draft
of a guided entry closed half-way (as JSON, one per workbook path, so that a draft never
lands in the wrong workbook). The file is an INI file; its location is the platform's usual
one unless `IPTWORK_SETTINGS` names another, or the caller passes a path (each test uses a
fresh one).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

MAX_RECENT = 8
ENV_VARIABLE = "IPTWORK_SETTINGS"
#: "system" follows the desktop's light or dark setting; the others force one.
THEMES = ("system", "light", "dark")
#: Text size, as a percentage of the desktop's usual size.
TEXT_SIZES = (90, 100, 110, 125, 150)

#: Every key with its default: the one table to read when asking "what is stored?".
DEFAULTS: dict[str, Any] = {
    "files/recent": "[]",
    "files/last": "",
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),
    "window/splitter": QByteArray(),
    # Appearance: applied at once when changed, and at start before the window shows.
    "appearance/theme": "system",
    "appearance/text_size": 100,
    # Exports (PDF, print, JSON, CSV): the privacy choices last made. Whether private
    # interactions are included is deliberately not remembered: each export starts without.
    "export/pseudonymize": False,
    "export/therapist_notes": True,
    "export/open_pdf": True,
    "export/folder": "",
    # Safety: minutes without input before an encrypted workbook is locked (0 = never),
    # and how many automatic backups of each workbook are kept.
    "security/autolock_minutes": 10,
    "backups/keep": 10,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("settings", text)


def _draft_key(path: Path) -> str:
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"drafts/{digest}"


class Settings:
    def __init__(self, qsettings: QSettings) -> None:
        self._q = qsettings

    @classmethod
    def at(cls, path: Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @classmethod
    def default(cls) -> Settings:
        override = os.environ.get(ENV_VARIABLE)
        if override:
            return cls.at(Path(override))
        return cls(
            QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "iptwork", "iptwork")
        )

    @property
    def file_name(self) -> str:
        return self._q.fileName()

    def _get(self, key: str) -> Any:
        return self._q.value(key, DEFAULTS.get(key))

    def sync(self) -> None:
        self._q.sync()

    def problem(self) -> str | None:
        """Why the settings cannot be kept, in plain words, or None when all is well.

        QSettings never raises: an unwritable folder or a damaged file would silently lose
        the recent list, the preferences and, worst, a half-written entry's draft. So the
        folder is tried with a real (temporary) file, as permissions alone can mislead.
        """
        path = Path(self.file_name)
        folder = path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=folder):
                pass
            if path.is_dir() or (path.exists() and not os.access(path, os.W_OK)):
                raise PermissionError(path)
        except OSError:
            return (
                _tr(
                    "Your preferences and the list of recent workbooks cannot be kept, "
                    "because the folder %1 cannot be written to. Your workbooks are not "
                    "affected. Making that folder writable (or setting %2 to another file) "
                    "fixes this."
                )
                .replace("%1", str(folder))
                .replace("%2", ENV_VARIABLE)
            )
        if self._q.status() == QSettings.Status.FormatError:
            return _tr(
                "The settings file %1 could not be read, so iptwork starts with its usual "
                "settings. Your workbooks are not affected."
            ).replace("%1", str(path))
        return None

    # --- files ------------------------------------------------------------------------

    @property
    def recent_files(self) -> list[Path]:
        try:
            names = json.loads(str(self._get("files/recent")))
        except ValueError:
            return []
        return [Path(n) for n in names if isinstance(n, str) and n]

    def add_recent(self, path: Path) -> None:
        path = path.resolve()
        files = [p for p in self.recent_files if p != path]
        files.insert(0, path)
        self._q.setValue("files/recent", json.dumps([str(p) for p in files[:MAX_RECENT]]))

    def remove_recent(self, path: Path) -> None:
        path = path.resolve()
        files = [str(p) for p in self.recent_files if p != path]
        self._q.setValue("files/recent", json.dumps(files))

    def clear_recent(self) -> None:
        self._q.setValue("files/recent", "[]")

    @property
    def last_workbook(self) -> Path | None:
        name = str(self._get("files/last") or "")
        return Path(name) if name else None

    @last_workbook.setter
    def last_workbook(self, path: Path | None) -> None:
        self._q.setValue("files/last", str(path.resolve()) if path else "")

    # --- window -----------------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray:
        value = self._get(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    @property
    def window_geometry(self) -> QByteArray:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._q.setValue("window/state", value)

    @property
    def splitter_state(self) -> QByteArray:
        return self._bytes("window/splitter")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._q.setValue("window/splitter", value)

    # --- appearance -------------------------------------------------------------------

    @property
    def theme(self) -> str:
        value = str(self._get("appearance/theme") or "")
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme {value!r}")
        self._q.setValue("appearance/theme", value)

    @property
    def text_size(self) -> int:
        """Percent of the usual text size, one of TEXT_SIZES (the nearest one if edited)."""
        try:
            value = int(self._get("appearance/text_size"))
        except (TypeError, ValueError):
            return 100
        return min(TEXT_SIZES, key=lambda size: abs(size - value))

    @text_size.setter
    def text_size(self, percent: int) -> None:
        self._q.setValue("appearance/text_size", int(percent))

    # --- exports ----------------------------------------------------------------------

    def _flag(self, key: str) -> bool:
        value = self._get(key)
        if isinstance(value, str):  # INI files give strings back
            return value.strip().lower() in ("true", "1", "yes")
        return bool(value)

    @property
    def export_pseudonymize(self) -> bool:
        return self._flag("export/pseudonymize")

    @export_pseudonymize.setter
    def export_pseudonymize(self, value: bool) -> None:
        self._q.setValue("export/pseudonymize", bool(value))

    @property
    def export_therapist_notes(self) -> bool:
        return self._flag("export/therapist_notes")

    @export_therapist_notes.setter
    def export_therapist_notes(self, value: bool) -> None:
        self._q.setValue("export/therapist_notes", bool(value))

    @property
    def export_open_pdf(self) -> bool:
        return self._flag("export/open_pdf")

    @export_open_pdf.setter
    def export_open_pdf(self, value: bool) -> None:
        self._q.setValue("export/open_pdf", bool(value))

    @property
    def export_folder(self) -> Path | None:
        name = str(self._get("export/folder") or "")
        return Path(name) if name else None

    @export_folder.setter
    def export_folder(self, folder: Path | None) -> None:
        self._q.setValue("export/folder", str(folder) if folder else "")

    # --- safety -----------------------------------------------------------------------

    def _number(self, key: str, low: int, high: int) -> int:
        try:
            value = int(self._get(key))
        except (TypeError, ValueError):
            value = int(DEFAULTS[key])
        return max(low, min(high, value))

    @property
    def autolock_minutes(self) -> int:
        return self._number("security/autolock_minutes", 0, 24 * 60)

    @autolock_minutes.setter
    def autolock_minutes(self, minutes: int) -> None:
        self._q.setValue("security/autolock_minutes", int(minutes))

    @property
    def backups_keep(self) -> int:
        return self._number("backups/keep", 1, 1000)

    @backups_keep.setter
    def backups_keep(self, count: int) -> None:
        self._q.setValue("backups/keep", int(count))

    # --- drafts of the guided entry ---------------------------------------------------

    def draft(self, workbook: Path) -> dict[str, Any] | None:
        raw = self._q.value(_draft_key(workbook), "")
        if not raw:
            return None
        try:
            value = json.loads(str(raw))
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def set_draft(self, workbook: Path, draft: dict[str, Any]) -> None:
        self._q.setValue(_draft_key(workbook), json.dumps(draft, ensure_ascii=False))
        self._q.sync()

    def clear_draft(self, workbook: Path) -> None:
        self._q.remove(_draft_key(workbook))
        self._q.sync()
