import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from planwatch.projects import actions
from planwatch.projects.models import Approval, ApprovalDocument, ApprovalKind
from planwatch.projects.tests.factories import make_project


@pytest.fixture
def approval(unit_a):
    return Approval.objects.create(
        project=make_project(unit_a),
        kind=ApprovalKind.objects.order_by("position").first(),
        due_on=dt.date(2030, 1, 1),
    )


def test_a_file_whose_content_is_not_what_its_name_says_is_refused(supervisor, approval):
    fake = SimpleUploadedFile("permit.pdf", b"MZ\x90\x00 not a pdf at all")
    with pytest.raises(ValidationError) as error:
        actions.do_attach_document(supervisor, approval, fake)
    assert "file" in error.value.message_dict
    assert ApprovalDocument.objects.count() == 0


def test_a_good_file_keeps_a_clean_name_and_its_hash(supervisor, approval):
    upload = SimpleUploadedFile("../Land permit 2021.pdf", b"%PDF-1.4\n%fake body\n")
    document = actions.do_attach_document(supervisor, approval, upload)
    assert document.name == "Land_permit_2021.pdf"
    assert len(document.sha256) == 64
    assert ".." not in document.file.name
