"""The web pages in a real browser (Debian's Chromium driven by Playwright)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

REVIEW_NOTE = (
    "Læringsnotat fra ROM Innlandet\n"
    "Dato: 14.03.2024\n"
    "Sted: Gjøvik\n"
    "\n"
    "Kveldens tema: Overgangen fra barnehage til skole\n"
    "Antall totalt: 12\n"
    "Antall fagpersoner: 5\n"
    "Antall deltakere: 7\n"
    "Representerte tjenester: NAV, PPT, helsestasjonen\n"
    "ROM-leder: Hilde Sørbråten\n"
    "Referent: Tor Inge Haugen\n"
    "\n"
    "1. Oppsummering av innledning deltaker\n"
    "Kari Nordmann fortalte om sønnen Mathias, som begynte på Kvernhuset skole i Gjøvik. "
    "Hun kan nås på 912 34 567. Mathias trives nå, men det tok tid.\n"
    "\n"
    "3. Eksempler på utfordringer og problemområder\n"
    "- Lang ventetid hos PPT, og ingen informasjon underveis.\n"
    "- Skolen visste ikke om diagnosen før Mathias hadde gått der et halvt år.\n"
    "\n"
    "4. Eksempler på god praksis\n"
    "- Helsestasjonen ringte familien dagen etter.\n"
    "\n"
    "5. Hva man ønsker mer av?\n"
    "- Mer skriftlig informasjon om rettigheter.\n"
    "\n"
    "8. Sitater som kan brukes i rapporter/høringer med mer\n"
    "- «Kari Nordmann sa det best: vi må bli spurt før noen bestemmer.» – mor\n"
    "\n"
    "10. Hva bør gjøres noe med på systemnivå (Voksne for Barn, politikere)\n"
    "- Fast kontaktperson i overgangen til skole.\n"
)

RAW_IDENTIFIERS = ("Kari Nordmann", "Mathias", "912 34 567", "Kvernhuset", "Hilde Sørbråten")


def policy_note(date: str, quote: str, *, extra: str = "") -> str:
    return (
        "Læringsnotat\n"
        f"Dato: {date}\n"
        "\n"
        "Kveldens tema: Samarbeid mellom skole og hjem\n"
        "Antall totalt: 10\n"
        "Antall fagpersoner: 4\n"
        "Antall deltakere: 6\n"
        "Representerte tjenester: PPT, BUP\n"
        "ROM-leder: Hilde Sørbråten\n"
        "Referent: Tor Inge Haugen\n"
        "\n"
        "1. Oppsummering av innledning deltaker\n"
        f"Kari Nordmann fortalte om tiden på Kvernhuset skole. {extra}\n"
        "\n"
        "3. Eksempler på utfordringer og problemområder\n"
        "- Lang ventetid hos BUP, og ingen informasjon underveis.\n"
        "- Pårørende blir ikke spurt om sine observasjoner ved legevakten.\n"
        "- Samarbeid mellom skole og barnehage mangler.\n"
        "\n"
        "4. Eksempler på god praksis\n"
        "- Skolen laget en plan sammen med foreldrene.\n"
        "- Fast kontaktperson i kommunen ga trygghet.\n"
        "\n"
        "5. Hva man ønsker mer av?\n"
        "- Mer informasjon om rettigheter, gjerne skriftlig.\n"
        "- Kortere ventetid og samarbeid på tvers.\n"
        "\n"
        "8. Sitater som kan brukes i rapporter/høringer med mer\n"
        f"- «{quote}» – mor\n"
        "- «Vi har lov til å lytte, selv om vi ikke kan fortelle.» – fagperson\n"
    )


def pending_count(page: Any) -> int:
    text = page.locator("#pending-status").inner_text()
    match = re.match(r"(\d+) flagg gjenstår", text)
    return int(match.group(1)) if match else 0


def drag_select(page: Any, word: str) -> None:
    """Select the first unflagged occurrence of ``word`` in the note with the mouse."""
    box = page.evaluate(
        """(word) => {
            const root = document.querySelector('#note-text');
            const find = () => {
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const at = node.data.indexOf(word);
                    if (at < 0 || node.parentElement.closest('mark')) continue;
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + word.length);
                    return range.getClientRects()[0];
                }
                return null;
            };
            let rect = find();
            root.scrollTop += rect.top - root.getBoundingClientRect().top - 40;
            window.scrollBy(0, find().top - window.innerHeight / 2);
            rect = find();
            return {x: rect.left, y: rect.top, w: rect.width, h: rect.height};
        }""",
        word,
    )
    y = box["y"] + box["h"] / 2
    page.mouse.move(box["x"] + 1, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["w"] / 2, y, steps=3)
    page.mouse.move(box["x"] + box["w"] - 1, y, steps=3)
    page.mouse.up()


def unlabelled_fields(page: Any) -> list[str]:
    return page.evaluate(
        """() => [...document.querySelectorAll('input, select, textarea')]
            .filter((e) => e.type !== 'hidden')
            .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
            .map((e) => e.id || e.name || e.outerHTML.slice(0, 60))"""
    )


def test_referent_reviews_and_approves_a_note(new_page: Any, log_in: Any, server: Any) -> None:
    page = new_page()
    log_in(page, "referent", start="/notat/ny")
    assert page.url.endswith("/notat/ny")

    # paste the note and analyse it
    page.get_by_label("Lim inn notatet").fill(REVIEW_NOTE)
    page.get_by_role("button", name="Analyser notatet").click()
    page.wait_for_url(re.compile(r"/utkast/\d+$"))
    draft_id = int(page.url.rsplit("/", 1)[1])
    flags = page.locator("#note-text mark.flag")
    flags.first.wait_for()

    # every flag is coloured AND badged by type, with the confidence on hover
    badges = set(flags.evaluate_all("(ms) => ms.map((m) => m.dataset.badge.split(' ')[0])"))
    assert {"NAVN", "STED", "TELEFON", "SKOLE/INSTITUSJON"} <= badges
    school = page.locator("#note-text mark.flag", has_text="Kvernhuset skole")
    assert school.get_attribute("data-badge") == "SKOLE/INSTITUSJON ?"
    assert "sikkerhet 72 %" in school.get_attribute("title")
    assert "t-ORGANIZATION" in school.get_attribute("class")
    total = flags.count()
    assert pending_count(page) == total
    approve = page.get_by_role("button", name="Godkjenn notatet")
    assert approve.is_disabled()
    assert page.locator("#pending-status").inner_text() == f"{total} flagg gjenstår"

    # reject one flag: the meeting's own place in the header (a per-mention override)
    place = page.locator('.entity[data-entity="STED 1"]')
    place.get_by_text("Vis treff (2)").click()
    place.get_by_role("button", name="Avvis treff 1 av STED 1").click()
    header_place = page.locator("#note-text mark.flag", has_text="Gjøvik").first
    page.wait_for_function("() => document.querySelector('#note-text mark.s-rejected') !== null")
    places = page.locator("#note-text mark.flag", has_text="Gjøvik")
    assert "s-rejected" in header_place.get_attribute("class")
    assert "s-pending" in places.nth(1).get_attribute("class")
    assert pending_count(page) == total - 1
    assert "Sted: Gjøvik" in page.locator("#anon-text").inner_text()

    # add the missed name by selecting it in the note: every occurrence follows
    assert "Mathias" in page.locator("#anon-text").inner_text()
    drag_select(page, "Mathias")
    page.wait_for_function("() => document.querySelector('#add-text').value === 'Mathias'")
    assert page.get_by_label("Type").input_value() == "PERSON"
    page.get_by_role("button", name="Flagg teksten").click()
    mathias = page.locator("#note-text mark.flag", has_text="Mathias")
    mathias.nth(2).wait_for()
    assert mathias.count() == 3
    classes = mathias.evaluate_all("(ms) => ms.map((m) => m.className)")
    assert all("s-accepted" in c for c in classes)
    anonymised = page.locator("#anon-text").inner_text()
    assert "Mathias" not in anonymised and "[NAVN" in anonymised
    assert pending_count(page) == total - 1  # added flags are decided already

    # decide the rest with the keyboard: n = next flag, a = accept
    page.locator("#review-heading").click()
    page.keyboard.press("n")
    for _ in range(total):
        left = pending_count(page)
        if left == 0:
            break
        page.keyboard.press("a")
        page.wait_for_function(
            "(n) => !/^" + str(left) + " flagg/.test(document.querySelector('#pending-status')"
            ".textContent)",
            arg=left,
        )
    assert pending_count(page) == 0
    assert page.locator("#pending-status").inner_text().startswith("Alle flagg er avgjort")
    assert "s-rejected" in header_place.get_attribute("class")  # the override survived

    # relabel an item in place
    item_select = page.locator("#item-groups select").first
    item_select.select_option("wish")
    page.wait_for_function(
        "() => document.querySelector('#live').textContent.includes('merket som ønske')"
    )

    # approve: only the anonymised note is kept
    assert approve.is_enabled()
    approve.click()
    approved = page.locator("#approved")
    approved.wait_for()
    assert "Notatet er godkjent" in approved.inner_text()
    text = page.locator("#approved-text").inner_text()
    for raw in RAW_IDENTIFIERS:
        assert raw not in text
    assert "Sted: Gjøvik" in text and "i [STED 1]" in text
    assert "[TELEFON]" in text and "[SKOLE/INSTITUSJON 1]" in text

    with server.api("referent") as client:
        assert client.get(f"/api/drafts/{draft_id}").status_code == 404
    assert new_page.errors == []


def test_policy_finds_quote_and_exports_csv(
    new_page: Any, log_in: Any, server: Any, tmp_path: Path
) -> None:
    quote = "Kari Nordmann på Kvernhuset skole var et fyrtårn for oss."
    note = server.approved_note(policy_note("02.09.2024", quote))
    page = new_page()
    log_in(page, "policy")
    assert page.url.endswith("/utforsk")
    page.locator("#matrix table").wait_for()

    # find the quote by searching: it is anonymised, with its source
    page.get_by_label("Søk i punkter og sitater").fill("fyrtårn")
    page.get_by_role("button", name="Søk", exact=True).click()
    hits = page.locator("#quote-results li.result")
    hits.first.wait_for()
    assert hits.count() == 1
    hit = hits.first.inner_text()
    assert "fyrtårn" in hit and re.search(r"«\[NAVN \d+\] på \[SKOLE/INSTITUSJON 1\]", hit)
    assert "Kari" not in hit and "Kvernhuset" not in hit
    assert "ROM Innlandet" in hit and "02.09.2024" in hit and "Psykisk helse og rus" in hit
    assert "Sitater" in hit and f"notat {note['id']}" in hit
    assert "q=fyrt%C3%A5rn" in page.url  # the view can be linked to

    # export the current view as CSV through the browser's download
    link = page.get_by_role("link", name="Sitater som CSV")
    assert "q=fyrt" in link.get_attribute("href")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.startswith("romnotat-sitater-")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["site"] == "ROM Innlandet" and row["meeting_date"] == "2024-09-02"
    assert row["speaker"] == "forelder" and row["section"] == "quotes"
    assert row["text"] == hit.splitlines()[0]  # the anonymised quote, as shown
    assert "Kari" not in saved.read_text(encoding="utf-8-sig")

    # click a cell of the theme × label table: its items and quotes, with source
    cell = page.locator("#matrix .cell-button").first
    cell.click()
    page.locator("#item-results li.result").first.wait_for()
    assert "Kilde:" in page.locator("#item-results").inner_text()
    assert "theme=" in page.get_by_role("link", name="Punkter som Excel").get_attribute("href")
    assert page.locator("#trend svg rect").count() >= 1
    report = page.get_by_role("link", name="Last ned halvårsrapporten (Excel)")
    assert "/api/reports/half-year/download?site_id=1&year=" in report.get_attribute("href")
    assert new_page.errors == []


def test_referent_cannot_open_another_sites_draft(new_page: Any, log_in: Any, server: Any) -> None:
    secret = "Sofie Berg"
    other = server.draft(policy_note("05.10.2024", "Vi ble sett.", extra=secret), who="referent_b")
    page = new_page()
    log_in(page, "referent", start=f"/utkast/{other['id']}")  # redirected to log in and back
    assert page.url.endswith(f"/utkast/{other['id']}")
    response = page.reload()
    assert response is not None and response.status == 403
    assert page.get_by_role("heading", name="Ingen tilgang").is_visible()
    assert "Du har bare tilgang til ditt eget ROM-sted" in page.locator("main").inner_text()
    assert secret not in page.content()

    # nor through the API with the page's cookie
    status = page.evaluate(
        "(id) => fetch('/api/drafts/' + id, {headers: {'X-Romnotat': '1'}}).then((r) => r.status)",
        other["id"],
    )
    assert status == 403
    # and the explorer is not for referents
    response = page.goto("/utforsk")
    assert response is not None and response.status == 403
    refusal = page.locator("main").inner_text()
    assert "Bare koordinatorer, policyteamet og administratorer" in refusal


def test_login_logout_and_redirects(new_page: Any, server: Any) -> None:
    page = new_page()
    page.goto("/utforsk")
    assert "/logg-inn?neste=/utforsk" in page.url
    assert page.get_by_text("Du må logge inn for å se denne siden.").is_visible()

    # keyboard: the fields are reachable with Tab and show a visible focus outline
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "username":
            break
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    assert unlabelled_fields(page) == []

    page.get_by_label("Brukernavn").fill("policy")
    page.get_by_label("Passord").fill("feil-passord-123")
    page.get_by_role("button", name="Logg inn").click()
    assert page.get_by_role("alert").inner_text() == "Feil brukernavn eller passord."

    page.get_by_label("Passord").fill(server.password)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url(re.compile(r"/utforsk$"))
    cookie = next(c for c in page.context.cookies() if c["name"] == "romnotat_token")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert page.evaluate("document.cookie") == ""  # scripts cannot read the token

    # a cookie-authenticated change without the pages' header is refused
    status = page.evaluate(
        "() => fetch('/api/auth/logout', {method: 'POST'}).then((r) => r.status)"
    )
    assert status == 403

    page.get_by_role("button", name="Logg ut").click()
    page.wait_for_url(re.compile(r"/logg-inn\?utlogget=1$"))
    assert page.get_by_text("Du er logget ut.").is_visible()
    page.goto("/notat/ny")
    assert "/logg-inn" in page.url
    with server.api("policy") as client:  # the seeded bearer token still works for the API
        assert client.get("/api/auth/me").json()["username"] == "policy"


def test_upload_refusal_and_upload(new_page: Any, log_in: Any, server: Any, tmp_path: Path) -> None:
    page = new_page()
    log_in(page, "referent")
    assert page.url.endswith("/notat/ny")
    broken = tmp_path / "notat.docx"
    broken.write_bytes(b"dette er ikke en Word-fil")
    page.get_by_label("… eller last opp en fil (.docx, .txt eller .md)").set_input_files(broken)
    page.get_by_role("button", name="Analyser notatet").click()
    alert = page.locator("#intake-error")
    alert.wait_for()
    message = alert.inner_text()
    assert message.startswith("Notatet ble ikke lest:")
    assert re.search(r"Word|docx", message), message
    assert page.url.endswith("/notat/ny")

    good = tmp_path / "notat.md"
    good.write_text(policy_note("01.02.2024", "Endelig ble vi hørt."), encoding="utf-8")
    page.get_by_label("… eller last opp en fil (.docx, .txt eller .md)").set_input_files(good)
    page.get_by_role("button", name="Analyser notatet").click()
    page.wait_for_url(re.compile(r"/utkast/\d+$"))
    page.locator("#note-text mark.flag").first.wait_for()
    assert new_page.errors == []


def test_screenshots_and_narrow_layout(
    new_page: Any, log_in: Any, server: Any, artifacts: Path
) -> None:
    for index, (date, who) in enumerate(
        [("14.03.2023", "referent"), ("20.10.2023", "referent_b"), ("02.05.2024", "referent")]
    ):
        server.approved_note(
            policy_note(date, f"Vi trengte noen som så hele familien, nummer {index}."), who=who
        )
    draft = server.draft(REVIEW_NOTE)
    with server.api("referent") as client:  # some flags decided, some still pending
        entity = next(s["entity"] for s in draft["note"]["pii"] if s["type"] == "PHONE")
        client.post(
            f"/api/drafts/{draft['id']}/decisions",
            json={"decisions": [{"action": "accept", "scope": "entity", "entity": entity}]},
        ).raise_for_status()

    shots: dict[str, Path] = {}
    for width_name, viewport in (("1280", {"width": 1280, "height": 900}),
                                 ("375", {"width": 375, "height": 812})):  # fmt: skip
        page = new_page(viewport)
        log_in(page, "referent", start=f"/utkast/{draft['id']}")
        page.locator("#note-text mark.flag").first.wait_for()
        assert unlabelled_fields(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        shots[f"review-{width_name}"] = artifacts / f"review-{width_name}.png"
        page.screenshot(path=shots[f"review-{width_name}"], full_page=True)

        page = new_page(viewport)
        log_in(page, "policy")
        page.locator("#matrix table").wait_for()
        page.locator("#trend svg").wait_for()
        page.locator("#matrix .cell-button").first.click()
        page.locator("#item-results li.result").first.wait_for()
        assert unlabelled_fields(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        shots[f"explore-{width_name}"] = artifacts / f"explore-{width_name}.png"
        page.screenshot(path=shots[f"explore-{width_name}"], full_page=True)

    for path in shots.values():
        assert path.stat().st_size > 10_000
    assert new_page.errors == []
