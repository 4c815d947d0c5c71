"""Classroom mode in real Chromium, as a student and a teacher would use it, with the keyboard alone: the bundled
lesson on a laptop and a phone (marking words, revealing, guessing), the teacher's lexicon edit seen on Compare,
and the worksheet PDF (pages rendered with pdftoppm into test-artifacts/)."""
import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from tests.browser import (
    ARTIFACTS,
    assert_offline,
    axe_violations,
    new_page,
    rerun_after,
    screenshot,
    streamlit_server,
    wait_for_app,
    warm_up,
)

PASSWORD = "a long classroom passphrase"
LESSON = "/lessons?lesson=bombers-over-korea"


@pytest.fixture(scope="module")
def server(browser):
    with streamlit_server(env={"FRAMING_LENS_TEACHER_PASSWORD": PASSWORD}) as url:
        warm_up(browser, url)
        yield url


def press(page, locator, key: str = "Enter") -> None:
    """Operate a control from the keyboard (focus it, press the key) and wait for the run it causes."""
    locator.focus()
    rerun_after(page, lambda: page.keyboard.press(key))


def main(page):
    return page.locator('[data-testid="stMain"]')


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
def test_student_walks_the_bundled_lesson_with_the_keyboard(browser, server, width, height):
    context, page = new_page(browser, width, height)
    size = f"{width}x{height}"
    page.goto(server + ("/lessons" if width > 600 else LESSON + "&big=1"))
    if width > 600:
        wait_for_app(page, "Bombers over Korea: one flight, three framings")
        assert axe_violations(page) == []
        press(page, page.get_by_role("button", name="Start this lesson"))
    wait_for_app(page, "Step 1 of 6: Headlines first")
    assert "lesson=bombers-over-korea" in page.url
    expect(main(page).get_by_text("Text A", exact=True)).to_be_visible()
    expect(main(page).get_by_text(re.compile(r"CNN|World Socialist|Japan Times"))).to_have_count(0)
    press(page, page.get_by_role("button", name="Reveal"))
    expect(main(page).get_by_text(re.compile(r"^Text [A-E] — World Socialist Web Site"))).to_be_visible()
    screenshot(page, f"lesson-step1-{size}")

    press(page, page.get_by_role("button", name="Next step"))
    wait_for_app(page, "Step 2 of 6: Spot the loaded words")
    assert re.search(r"step=2\b", page.url)
    for word in ("menacing", "summit"):
        press(page, page.get_by_role("button", name=word, exact=True).first, "Space")
    expect(main(page).get_by_text("You marked 2 word(s).")).to_be_visible()
    press(page, page.get_by_role("button", name="Reveal"))
    expect(main(page).get_by_text(re.compile(r"You and the detector: 1 · Only the detector: \d+ · Only you: 1"))).to_be_visible()
    expect(page.locator("mark.fl-both", has_text="menacing")).to_be_visible()
    expect(page.locator("mark.fl-you", has_text="summit")).to_be_visible()
    assert "Only the detector" in page.locator("mark.fl-detector").first.get_attribute("title")
    screenshot(page, f"lesson-spot-revealed-{size}")
    assert axe_violations(page) == []

    page.goto(server + LESSON + "&step=6")  # a shared link to one step
    wait_for_app(page, "Step 6 of 6: Guess the outlet")
    expect(main(page).get_by_text("▇▇▇").first).to_be_attached()
    press(page, page.get_by_role("radio", name="World Socialist Web Site"), "Space")
    press(page, page.get_by_role("radio", name="CNN"), "Space")
    press(page, page.get_by_role("button", name="Reveal"))
    expect(main(page).get_by_text(re.compile(r"^Right: it is CNN"))).to_be_visible()
    expect(main(page).get_by_text("Words this outlet uses more than the others", exact=True)).to_be_visible()
    screenshot(page, f"lesson-guess-revealed-{size}")
    assert axe_violations(page) == []
    assert_offline(context, page)
    context.close()


def test_teacher_edits_a_term_sees_it_on_compare_and_prints_the_worksheet(browser, server, tmp_path):
    context, page = new_page(browser, 1280, 800)
    page.goto(server + "/?event=e2-2017-07-07-b1-korea-icbm")
    wait_for_app(page, "Feature by feature")
    own = (page.locator('[data-testid="stColumn"]').filter(has=page.get_by_role("heading", name="World Socialist Web Site"))
           .locator(".fl-numbers div").filter(has_text="Loaded terms, outlet's own voice").locator("dd"))
    before = own.inner_text()
    expect(page.get_by_text(re.compile(r"^Lexicon version \w+ \(bundled\)"))).to_be_visible()

    page.goto(server + "/lexicon")
    wait_for_app(page, "Lexicon editor")
    page.locator("summary").filter(has_text="Teacher").focus()
    page.keyboard.press("Enter")
    page.get_by_label("Teacher password").fill(PASSWORD)
    press(page, page.get_by_role("button", name="Sign in"))
    wait_for_app(page, "Add or change a term")
    assert axe_violations(page) == []
    page.get_by_label("Term (a * ends a prefix: provocat*)").fill("drill*")
    page.get_by_label("Neutral alternative").fill("exercise")
    page.get_by_label("Note: why it frames").fill("Our class: 'drill' makes a show of force sound routine.")
    page.get_by_label("Source").fill("our class discussion")
    press(page, page.get_by_label("Source"))  # Enter submits the form
    expect(page.get_by_text(re.compile(r"Saved as version 1 .*Analysed again: 2 article\(s\)"))).to_be_visible()
    screenshot(page, "lexicon-saved")

    page.goto(server + "/?event=e2-2017-07-07-b1-korea-icbm")
    wait_for_app(page, "Feature by feature")
    expect(page.get_by_text(re.compile(r"^Lexicon version \w+ \(with the teacher's edits, version 1\)"))).to_be_visible()
    expect(own).not_to_have_text(before)
    assert float(own.inner_text()) > float(before)
    screenshot(page, "compare-after-lexicon-edit")

    page.goto(server + LESSON + "&step=1")
    wait_for_app(page, "Step 1 of 6")
    page.locator("summary").filter(has_text="Printable worksheet and answer key").focus()
    page.keyboard.press("Enter")
    options = page.get_by_label("Texts on the worksheet")
    expect(options).to_be_visible()
    press(page, page.get_by_role("radio", name="US Letter"), "Space")
    with page.expect_download(timeout=180_000) as info:
        page.get_by_role("button", name="Worksheet (PDF)").press("Enter")
    pdf = tmp_path / "worksheet.pdf"
    info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and b"/MediaBox [0 0 612 792]" in pdf.read_bytes()
    out = ARTIFACTS / "worksheet-pages"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(out / "page")], check=True)
    pages = sorted(out.glob("page-*.png"))
    assert len(pages) >= 6  # five texts of the story, a page or more each, then the questions
    assert_offline(context, page)
    context.close()


def test_classroom_page_is_keyboard_operable_and_passes_axe(browser, server):
    context, page = new_page(browser, 1280, 800)
    page.goto(server + "/classroom?event=e2-2017-07-07-b1-korea-icbm&puzzle=2")
    wait_for_app(page, "Classroom activities")
    assert axe_violations(page) == []
    press(page, page.get_by_role("button", name="Reveal"))
    expect(main(page).get_by_text(re.compile(r"^You and the detector: 0 · Only the detector: \d+ · Only you: 0"))).to_be_visible()
    page.get_by_role("tab", name="Guess the outlet").focus()  # a tab switch needs no rerun
    page.keyboard.press("Enter")
    expect(page.get_by_role("radio", name="CNN")).to_be_visible()
    assert "puzzle=2" in page.url
    assert axe_violations(page) == []
    screenshot(page, "classroom-guess")
    assert_offline(context, page)
    context.close()
