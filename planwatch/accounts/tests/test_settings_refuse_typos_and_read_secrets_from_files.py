import pytest
from django.core.exceptions import ImproperlyConfigured

from planwatch.settings import env, env_bool


@pytest.mark.parametrize("word", ["1", "true", "TRUE", "yes", "on", " On "])
def test_yes_words_mean_yes(monkeypatch, word):
    monkeypatch.setenv("PLANWATCH_SOMETHING", word)
    assert env_bool("SOMETHING") is True


@pytest.mark.parametrize("word", ["0", "false", "no", "off", ""])
def test_no_words_mean_no(monkeypatch, word):
    monkeypatch.setenv("PLANWATCH_SOMETHING", word)
    assert env_bool("SOMETHING", default=True) is False


@pytest.mark.parametrize("typo", ["ture", "flase", "2", "enabled", "y"])
def test_anything_else_stops_the_start(monkeypatch, typo):
    monkeypatch.setenv("PLANWATCH_SOMETHING", typo)
    with pytest.raises(ImproperlyConfigured, match="PLANWATCH_SOMETHING"):
        env_bool("SOMETHING")


def test_an_unset_value_takes_the_default(monkeypatch):
    monkeypatch.delenv("PLANWATCH_SOMETHING", raising=False)
    assert env_bool("SOMETHING", default=True) is True
    assert env_bool("SOMETHING") is False


def test_a_secret_comes_from_the_file_its_FILE_variable_names(monkeypatch, tmp_path):
    secret = tmp_path / "secret_key"
    secret.write_text("s3cr3t-from-a-file\n")
    monkeypatch.delenv("PLANWATCH_SECRET", raising=False)
    monkeypatch.setenv("PLANWATCH_SECRET_FILE", str(secret))
    assert env("SECRET") == "s3cr3t-from-a-file"


def test_a_missing_secret_file_is_named(monkeypatch, tmp_path):
    monkeypatch.delenv("PLANWATCH_SECRET", raising=False)
    monkeypatch.setenv("PLANWATCH_SECRET_FILE", str(tmp_path / "nowhere"))
    with pytest.raises(ImproperlyConfigured, match="nowhere"):
        env("SECRET")


def test_a_value_and_a_file_together_are_refused(monkeypatch, tmp_path):
    (tmp_path / "s").write_text("a")
    monkeypatch.setenv("PLANWATCH_SECRET", "b")
    monkeypatch.setenv("PLANWATCH_SECRET_FILE", str(tmp_path / "s"))
    with pytest.raises(ImproperlyConfigured, match="not both"):
        env("SECRET")
