"""`iptwork --smoke-test`: the check CI runs on the frozen bundle, run here on the sources."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from iptwork import smoke
from iptwork.__main__ import main


def test_the_smoke_test_passes_and_reports_each_step() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the smoke test must choose offscreen by itself
    done = subprocess.run(
        [sys.executable, "-m", "iptwork", "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [name for name, _ in smoke.STEPS]
    assert all(": " in line and "ok, " in line for line in lines[:-1])
    assert lines[-1].startswith("smoke test passed")
    assert "offscreen" in done.stdout
    assert "Traceback" not in done.stderr


def test_a_failing_step_ends_the_run_with_one_line_and_status_1(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ran: list[str] = []

    def fine(_run: object) -> str:
        ran.append("fine")
        return "all good"

    def broken(_run: object) -> str:
        raise OSError("No space left\non device")

    def never(_run: object) -> str:
        ran.append("never")
        return ""

    monkeypatch.setattr(smoke, "STEPS", (("fine", fine), ("broken", broken), ("never", never)))
    out, err = io.StringIO(), io.StringIO()
    assert smoke.run(out, err) == 1
    assert ran == ["fine"]
    assert out.getvalue().startswith("fine:")
    assert err.getvalue() == (
        "iptwork: smoke test failed at broken: OSError: No space left on device\n"
    )


def test_the_flag_takes_no_other_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--smoke-test", "extra"]) == 2
    assert "takes no other arguments" in capsys.readouterr().err
