"""The web app: pages and API in one ASGI application over one open store, for `dossier serve`.

Nothing answers without a login but the login page (and its stylesheet), the token route and /healthz;
the OpenAPI schema too is behind the login. No Swagger UI: it would load its script from a CDN.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dossier.config import Settings
from dossier.policy import default_policy
from dossier.records import open_store
from dossier.web import api, images, pages, queues, upload
from dossier.web.auth import AnyUser, Forbidden, LoginRequired
from dossier.web.counts import queue_cache
from dossier.web.session import Signer, site_secret
from dossier.web.throttle import LoginThrottle

STATIC = Path(__file__).parent / "static"
# No inline script or style anywhere: the page's own files only, never framed, forms post to this site only.
HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "cache-control": "no-store",
}
PUBLIC = {"/login", "/healthz", "/api/v1/auth/token"}  # and /static/ (the login page's stylesheet)


class SecurityHeaders:
    """The headers on every answer, errors and redirects included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [
                    (k.encode(), v.encode()) for k, v in HEADERS.items() if k.encode() not in present]
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Opened here, on the event loop's thread, where every request then uses it (see web/auth.py).
        app.state.store = open_store(settings)
        app.state.intake = upload.Intake(settings, app.state.policy)
        app.state.intake.resume()  # uploads a stop interrupted
        # The queues' counts filled before the first page asks (one pass: seconds at 100,000 documents).
        queue_cache(app.state).refresh(app.state.store, app.state.policy, settings)
        try:
            yield
        finally:
            app.state.intake.close()
            app.state.store.close()

    app = FastAPI(title="Dossier", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url=None)
    app.state.settings = settings
    app.state.policy = default_policy()
    settings.ensure_dirs()
    app.state.signer = Signer(site_secret(settings.home))
    app.state.login_throttle = LoginThrottle()
    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(queues.pages)
    app.include_router(queues.api)
    app.include_router(images.pages)
    app.include_router(images.api)
    app.include_router(upload.pages)
    app.include_router(upload.api)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/openapi.json", include_in_schema=False)
    async def openapi(user: AnyUser) -> dict[str, Any]:
        return app.openapi()

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        return pages.login_redirect(request, exc)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> Response:
        return pages.render(request, "error.html", status=403, message="forbidden", detail="")

    app.add_middleware(SecurityHeaders)
    return app
