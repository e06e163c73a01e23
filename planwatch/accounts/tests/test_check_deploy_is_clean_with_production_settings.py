"""`planwatch check --deploy` under production settings: clean once static files are
collected, and a clear error naming collectstatic before."""

import os
import secrets
import subprocess
import sys

import pytest


@pytest.fixture
def production_env(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PLANWATCH_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(
        PLANWATCH_DEBUG="0",
        PLANWATCH_SECRET_KEY=secrets.token_urlsafe(64),
        PLANWATCH_VAR_DIR=str(tmp_path),
        PLANWATCH_ALLOWED_HOSTS="planwatch.example.org",
        DJANGO_SETTINGS_MODULE="planwatch.settings",
    )
    return env


def planwatch(env, *args):
    command = [sys.executable, "-m", "django", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def test_check_deploy_names_collectstatic_then_passes_clean(production_env):
    before = planwatch(production_env, "check", "--deploy")
    assert before.returncode != 0
    assert "planwatch collectstatic" in before.stderr

    collected = planwatch(production_env, "collectstatic", "--no-input", "-v", "0")
    assert collected.returncode == 0, collected.stderr
    after = planwatch(production_env, "check", "--deploy", "--fail-level", "WARNING")
    assert after.returncode == 0, after.stderr
    assert "no issues" in after.stdout
