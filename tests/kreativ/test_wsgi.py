"""The WSGI entry point tunes the garbage collector of the process that serves requests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_server_process_freezes_its_start_up_objects_and_collects_in_full_less_often(settings):
    # In a child process: freezing this one would change the collector for the rest of the suite.
    probe = (
        "import gc, json, kreativ.wsgi; "
        "print(json.dumps({'frozen': gc.get_freeze_count(), 'threshold': gc.get_threshold()}))"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kreativ.settings.test",
        "KREATIV_VAR_DIR": str(settings.VAR_DIR),
    }
    finished = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert finished.returncode == 0, finished.stderr
    state = json.loads(finished.stdout.strip().splitlines()[-1])
    assert state["frozen"] > 50_000  # Django, Wagtail, the models and every view module
    assert state["threshold"][2] == 100
