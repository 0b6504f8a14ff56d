"""Render the entry application's first page with pdftoppm (Debian poppler-utils) and
check that it is a page with print on it, not a blank or a page of missing glyphs."""

import shutil
import subprocess

import pytest
from PIL import Image

from assistant.forms.entry_application import write_entry_application
from forms_readback import full_profile, name_only_profile  # noqa: F401 (pytest fixtures)

pytestmark = pytest.mark.integration


def render_first_page(pdf, tmp_path):
    assert shutil.which("pdftoppm"), "pdftoppm is missing: apt-get install -y poppler-utils"
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(prefix)],
                   check=True, timeout=120)
    return Image.open(f"{prefix}.png").convert("L")


def ink_share(img, box=None) -> float:
    region = img.crop(box) if box else img
    hist = region.histogram()
    dark = sum(hist[:200])            # anything visibly darker than paper
    return dark / (region.width * region.height)


@pytest.mark.parametrize("fixture", ["full_profile", "name_only_profile"])
def test_first_page_has_print(tmp_path, request, fixture):
    profile = request.getfixturevalue(fixture)
    pdf = write_entry_application(profile, tmp_path / "a.pdf")
    img = render_first_page(pdf, tmp_path)
    assert img.width > 400 and img.height > 600                     # A4 portrait at 60 dpi
    assert ink_share(img) > 0.02, "the page is (nearly) blank"
    title = (0, 0, img.width, int(img.height * 0.08))
    assert ink_share(img, title) > 0.01, "the title did not render"


def test_filled_page_has_more_ink_than_blank(tmp_path, full_profile, name_only_profile):
    full = render_first_page(write_entry_application(full_profile, tmp_path / "f.pdf"), tmp_path)
    blank = render_first_page(write_entry_application(name_only_profile, tmp_path / "b.pdf"), tmp_path)
    assert ink_share(full) > ink_share(blank)
