"""How tests/data/golden-v1.iptw was made (run once, with schema version 1; never rerun
after the schema changes: the point of a golden file is that it stays as v1 wrote it)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from iptwork.store import records as r
from iptwork.store import services
from iptwork.store.workbook import create_workbook
from tests.factories import populate


def main(path: Path) -> None:
    with create_workbook(path, title="Golden v1") as wb:
        made = populate(wb)
        services.set_meta(
            wb,
            r.WorkbookMeta("Golden v1", "Sam Rivera", "Dr. Ana Costa", date(2026, 9, 1), 16),
        )
        services.add_vocabulary(
            wb, r.Vocabulary(("overwhelmed",), (r.ProblemKind("talked_over", "Talking over them"),))
        )
        services.save_session(
            wb,
            r.TherapySession(
                number=1,
                held_on=date(2026, 10, 14),
                notes="First session: the inventory.",
                interactions=(made["first"].id,),  # type: ignore[attr-defined]
                client_rating=2,
                therapist_rating=2,
            ),
        )
        services.snapshot_circle(wb, services.list_sessions(wb)[0].id)
        services.set_formulation(
            wb,
            r.Formulation(
                "Depression, moderate",
                "Role dispute with Alex",
                "The rows about money keep the low mood going.",
                16,
                date(2026, 10, 14),
            ),
        )
        services.set_termination(
            wb, r.Termination("I say what I need.", "Going quiet for days.", "Book a session.")
        )
        services.save_phq9(wb, r.Phq9(date(2026, 10, 14), (2, 2, 1, 2, 1, 2, 1, 0, 0), 1))
        services.save_gad7(wb, r.Gad7(date(2026, 10, 14), (1, 2, 1, 1, 0, 1, 1)))
        services.save_mood(wb, r.Mood(date(2026, 10, 14), 4, "tired"))
        services.save_event(
            wb, r.LifeEvent(date(2026, 6, 1), "transition", (), "Started the new job", True)
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
