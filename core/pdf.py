"""Rendering an HTML template to PDF with WeasyPrint, offline.

Every stylesheet, font and image a template names is read from the project's static files on disk through
``StaticFetcher``: the portal runs on an intranet, so a PDF must never wait on (or leak a request to) the
network. Templates link their assets relative to the static root (``<link href="css/official.css">``), which
``render_pdf`` resolves against ``STATIC_BASE``.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from core.progress import NO_PROGRESS, NullProgress

#: The base URL of a PDF's relative links: a file URL no real file lives under, mapped to the static files.
STATIC_BASE = "file:///xhht-static/"


class StaticFetcher(URLFetcher):
    """Serves ``STATIC_BASE`` URLs from the static files (the finders); refuses everything else."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not url.startswith(STATIC_BASE):
            raise ValueError(f"Refused outside the static files: {url}")
        name = unquote(urlsplit(url).path).removeprefix(urlsplit(STATIC_BASE).path)
        found = finders.find(name) if ".." not in Path(name).parts else None
        if not found:
            raise ValueError(f"No static file {name}")
        path = Path(found)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".ttf":
            mime = "font/ttf"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})


def _html(template_name: str, context: dict, request=None) -> HTML:
    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url=STATIC_BASE, url_fetcher=StaticFetcher())


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    """The template rendered with the context, as the bytes of a PDF (fonts embedded)."""
    return _html(template_name, context, request).write_pdf()


def render_pdf_to(path, template_name: str, context: dict, *, progress: NullProgress = NO_PROGRESS) -> None:
    """The same PDF written to a file, in two steps a progress bar can show: the layout, then the writing."""
    progress.step(_("Dàn trang PDF"))
    document = _html(template_name, context).render()
    progress.advance()
    progress.step(_("Ghi tệp PDF (%(pages)s trang)") % {"pages": len(document.pages)})
    document.write_pdf(target=str(path))
    progress.advance()
