"""Link previews: every page carries Open Graph and Twitter card tags and one canonical link,
so a link pasted into an email or a chat shows a clean preview with the site's own image."""

from __future__ import annotations

import struct

import pytest

from tests.support.project import SITE_URL

IMAGE = "assets/images/social.png"
MAX_IMAGE_BYTES = 60_000


@pytest.fixture(scope="module")
def pages(site):
    return site.pages


def meta(soup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_every_page_has_one_canonical_link_to_its_own_address(pages):
    for url, soup in pages.items():
        canonical = soup.find_all("link", rel="canonical")
        assert len(canonical) == 1, f"{url}: {len(canonical)} canonical links"
        assert canonical[0]["href"] == SITE_URL + url.lstrip("/"), url


def test_every_page_has_open_graph_tags_for_its_own_title_and_description(pages, settings):
    for url, soup in pages.items():
        description = soup.find("meta", attrs={"name": "description"})["content"]
        assert meta(soup, "og:title") and meta(soup, "og:title") in soup.title.get_text(), url
        assert meta(soup, "og:description") == description, url
        assert meta(soup, "og:url") == soup.find("link", rel="canonical")["href"], url
        assert meta(soup, "og:type") == ("website" if url == "/" else "article"), url
        assert meta(soup, "og:site_name") == settings.site_name, url


def test_every_page_has_a_large_twitter_card_matching_open_graph(pages):
    for url, soup in pages.items():
        assert meta(soup, "twitter:card") == "summary_large_image", url
        for key in ("title", "description", "image"):
            assert meta(soup, f"twitter:{key}") == meta(soup, f"og:{key}"), f"{url}: twitter:{key}"


def test_the_preview_image_is_served_by_the_site_itself(pages, site):
    for url, soup in pages.items():
        assert meta(soup, "og:image") == SITE_URL + IMAGE, url
        assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630"), url
        assert len(meta(soup, "og:image:alt") or "") > 20, f"{url}: the image needs alt text"
    data = (site.dir / IMAGE).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "social.png is not a PNG"
    assert struct.unpack(">II", data[16:24]) == (1200, 630), "social.png must be 1200x630"
    assert len(data) <= MAX_IMAGE_BYTES, f"social.png is {len(data)} bytes"
