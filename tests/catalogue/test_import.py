"""``manage.py import_profiles``: a mapping study's CSV or XLSX, a report per row, idempotent on the
registry number, never over an edit, nothing published."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Workflow, WorkflowContentType

from catalogue.imports.importer import import_rows
from catalogue.models import ActorKind, Profile, ProfileMember

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "catalogue"
CSV = FIXTURES / "mapovani-olomoucko.csv"
XLSX = FIXTURES / "mapping-gorenjska.xlsx"


def run(path: Path, *args: str) -> str:
    out = io.StringIO()
    call_command("import_profiles", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]


def test_a_csv_is_imported_with_a_line_per_row_and_bad_rows_refused_with_their_reason():
    report = run(CSV)
    lines = report.splitlines()
    assert lines[0].startswith("row 2: created 'Tiskárna U Hanáka'")
    assert lines[1].startswith("row 3: created 'Divadlo Na Cestě z.s.'")
    assert lines[2].startswith("row 4: created 'Jana Křížová'")
    assert lines[3] == "row 5: refused 'Špatné IČO s.r.o.': " + (
        "The registry number's check digit does not match: please check it for a typo."
    )
    assert lines[4] == "row 6: refused 'Neznámý obor s.r.o.': Unknown sector: Kosmonautika"
    assert lines[5] == "row 7: refused '': The row has no name."
    assert lines[6] == "row 8: refused 'Nejasný příznak': “možná” is neither yes nor no."
    assert lines[7] == "row 9: refused 'Tiskárna U Hanáka znovu': The same actor as row 2."
    assert lines[8] == "created 3, refused 5."
    hanak = Profile.objects.get(registry_number="45061084")
    assert hanak.kind == ActorKind.STUDIO and not hanak.live
    assert hanak.imported_from == "mapovani-olomoucko"
    assert sorted(s.slug for s in hanak.sectors.all()) == ["books-press", "design"]
    assert [r.slug for r in hanak.regions.all()] == ["olomoucky-kraj"]
    assert str(hanak.latitude) == "49.455800" and hanak.languages == ["cs", "en"]
    assert hanak.website == "https://tiskarna-hanak.example.org" and hanak.seeks_partners
    # HTML written by others is sanitised; the address is a member's, never part of the profile.
    assert "<script" not in hanak.description_cs and "<b>Risograf</b>" in hanak.description_cs
    assert list(hanak.members.values_list("email", "role")) == [("hanak@example.org", "owner")]
    assert "hanak@example.org" not in str(hanak.latest_revision.content)
    assert not Profile.objects.public().exists()


def test_the_report_speaks_czech_when_asked():
    report = run(CSV, "--language", "cs")
    assert "Neznámý obor: Kosmonautika" in report


def test_an_xlsx_with_english_headings_and_slovenian_values():
    report = run(XLSX, "--source", "Kartiranje Gorenjske 2026")
    assert "row 2: created 'Zavod Kres'" in report
    assert "row 3: created 'Oblikovalski studio Triglav d.o.o.'" in report
    assert "row 4: refused 'Studio with a wrong number'" in report
    assert "row 5: refused 'Unknown kind': Unknown kind of actor: Spaceship" in report
    kres = Profile.objects.get(name="Zavod Kres")
    assert (kres.country, kres.registry_number, kres.kind) == ("SI", "5056853", ActorKind.NGO)
    assert sorted(s.slug for s in kres.sectors.all()) == ["music", "performing-arts"]
    assert kres.languages == ["de", "en", "sl"] and kres.forum_member
    assert kres.imported_from == "Kartiranje Gorenjske 2026"
    # A number read from a cell as a number keeps its digits.
    assert Profile.objects.get(name__startswith="Oblikovalski").registry_number == "5996953"


def test_a_dry_run_reports_the_same_and_writes_nothing():
    with CaptureQueriesContext(connection) as queries:
        report = run(CSV, "--dry-run")
    assert "row 2: created 'Tiskárna U Hanáka'" in report and report.strip().endswith("created 3, refused 5.")
    assert report.splitlines()[-1].startswith("Dry run, nothing written")
    assert writes(queries) == []
    assert not Profile.objects.exists()


def test_importing_the_same_file_again_writes_nothing():
    run(CSV)
    with CaptureQueriesContext(connection) as queries:
        report = run(CSV)
    assert "row 2: unchanged 'Tiskárna U Hanáka'" in report and "unchanged 3" in report
    assert writes(queries) == []
    assert Profile.objects.count() == 3


def test_a_changed_row_makes_a_revision_and_keeps_what_an_owner_edited(tmp_path):
    run(CSV)
    hanak = Profile.objects.get(registry_number="45061084")
    hanak.save_revision().publish()  # a moderator approved it
    owners = Profile.objects.get(pk=hanak.pk).get_latest_revision_as_object()
    owners.short_cs = "Risografická dílna, kterou jsme si popsali sami."
    owners.save_revision().publish()
    changed = tmp_path / "mapovani-olomoucko.csv"
    text = CSV.read_text(encoding="utf-8")
    text = text.replace("Risografie a malé náklady knih.", "Risografie.").replace(";Přerov;49,4558", ";Hranice;49,4558")
    changed.write_text(text, encoding="utf-8")
    revisions = hanak.revisions.count()
    report = run(changed)
    assert "row 2: updated 'Tiskárna U Hanáka': new revision of: municipality (kept as edited: short_cs)" in report
    hanak = Profile.objects.get(pk=hanak.pk)
    assert hanak.revisions.count() == revisions + 1
    # The live version stays as it was until the new revision is approved.
    assert hanak.municipality == "Přerov" and hanak.live and hanak.has_unpublished_changes
    latest = hanak.get_latest_revision_as_object()
    assert latest.municipality == "Hranice"
    assert latest.short_cs == "Risografická dílna, kterou jsme si popsali sami."
    # Run again: the edited field still differs from the study, and nothing is written.
    with CaptureQueriesContext(connection) as queries:
        again = run(changed)
    assert "row 2: unchanged 'Tiskárna U Hanáka': changed only in fields edited since the last import" in again
    assert writes(queries) == []


def test_a_profile_its_owners_made_is_never_written_over(tmp_path):
    own = Profile.objects.create(kind=ActorKind.STUDIO, name="Hanák", registry_number="45061084", live=False)
    own.save_revision()
    report = run(CSV)
    assert "row 2: unchanged 'Tiskárna U Hanáka': kept by its owners; nothing imported" in report
    assert Profile.objects.get(pk=own.pk).get_latest_revision_as_object().name == "Hanák"
    # The study's address is added as an owner, so they can claim the profile.
    assert own.members.filter(email="hanak@example.org", role=ProfileMember.Role.OWNER).exists()


def test_organisations_go_to_the_moderators_and_people_never_do():
    # The "Profile moderation" workflow the catalogue's migration attaches, with its task.
    assert Profile().get_workflow().tasks.filter(active=True).exists()
    report = run(CSV)
    assert "row 2: created 'Tiskárna U Hanáka': waiting for a moderator" in report
    assert "row 4: created 'Jana Křížová': unpublished until the person claims it and consents" in report
    hanak = Profile.objects.get(registry_number="45061084")
    assert hanak.workflow_in_progress and not hanak.live
    person = Profile.objects.get(name="Jana Křížová")
    assert not person.workflow_in_progress
    # Even if a moderator published the person's imported profile, the public would not see it
    # without their consent.
    person.save_revision().publish()
    assert person not in Profile.objects.public()


def test_a_workflow_with_no_active_task_is_refused_rather_than_publishing():
    from django.contrib.contenttypes.models import ContentType

    from kreativ.moderation.submit import ModerationNotConfigured, submit_for_moderation

    workflow = Workflow.objects.create(name="Empty")
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Profile), defaults={"workflow": workflow}
    )
    run(CSV)  # no active task: the import leaves drafts, and never starts that workflow
    assert not Profile.objects.filter(live=True).exists()
    with pytest.raises(ModerationNotConfigured):
        submit_for_moderation(Profile.objects.first())


def test_an_unreadable_file_is_refused_with_a_clear_message(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(CommandError, match=r"expected a \.csv or \.xlsx file"):
        run(text)
    fake = tmp_path / "broken.xlsx"
    fake.write_bytes(b"not a zip")
    with pytest.raises(CommandError, match="not an XLSX workbook"):
        run(fake)
    headless = tmp_path / "headless.csv"
    headless.write_text("IČO;Obec\n45061084;Přerov\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no column of names"):
        run(headless)
    latin = tmp_path / "latin.csv"
    shutil.copy(CSV, latin)
    latin.write_bytes(CSV.read_text(encoding="utf-8").encode("cp1250"))
    with pytest.raises(CommandError, match="not UTF-8"):
        run(latin)


def test_rows_without_a_registry_number_are_matched_by_study_name_and_municipality():
    rows = [(2, {"name": "Petra Malá", "kind": "OSVČ", "municipality": "Litovel", "sectors": "Hudba"})]
    assert [r.status for r in import_rows(rows, "studie")] == ["created"]
    assert [r.status for r in import_rows(rows, "studie")] == ["unchanged"]
    assert [r.status for r in import_rows(rows, "jiná studie")] == ["created"]
