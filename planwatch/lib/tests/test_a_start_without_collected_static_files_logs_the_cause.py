import logging

from planwatch.lib.deploy import log_problems


def manifest_storage(settings, root) -> None:
    settings.STATIC_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
            "OPTIONS": {"location": str(root)},
        },
    }


def test_the_log_names_collectstatic(settings, tmp_path, caplog):
    manifest_storage(settings, tmp_path / "static")
    with caplog.at_level(logging.ERROR, logger="planwatch"):
        log_problems()
    assert "Static files are not collected" in caplog.text
    assert "planwatch collectstatic" in caplog.text


def test_nothing_is_logged_once_they_are_collected(settings, tmp_path, caplog):
    root = tmp_path / "static"
    root.mkdir()
    (root / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')
    manifest_storage(settings, root)
    with caplog.at_level(logging.ERROR, logger="planwatch"):
        log_problems()
    assert caplog.text == ""
