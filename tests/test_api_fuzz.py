"""The API against its own schema (issue 19, points 2 and 7): schemathesis generates requests for every
operation /openapi.json lists, authenticated with a bearer token from POST /api/v1/auth/token, in-process over
the ASGI app and a real archive; no answer may be a server error or differ from the schema. And no route the
app has, today's or one added later, answers without a login but the public few."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the [web] extra")
pytest.importorskip("schemathesis", reason="the [dev] extra")
import schemathesis  # noqa: E402
from fastapi import FastAPI  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.python import asgi  # noqa: E402
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance  # noqa: E402
from starlette.routing import Mount, Route  # noqa: E402

from dossier.config import Settings  # noqa: E402
from dossier.messages import text  # noqa: E402
from dossier.web.app import PUBLIC, create_app  # noqa: E402
from dossier.web.throttle import LoginThrottle  # noqa: E402
from tests import test_web  # noqa: E402
from tests.test_web import PASSWORD, TODAY, VIN, csrf_of  # noqa: E402

EXAMPLES = 40  # per operation: with the password hashing on two routes, about a minute in all
PAGE = re.compile(r"^/(?!api/|openapi\.json)")
PARAM = re.compile(r"{(\w+)(?::\w+)?}")
home = test_web.home  # the archive its tests use: two born-digital PDFs filed by the pipeline, and users


@pytest.fixture(scope="module")
def fuzzed_app(home: Path) -> FastAPI:
    app = create_app(Settings(home=home, today=TODAY))
    # The fuzz sends the token route hundreds of made-up passwords from one address by design; the
    # per-address throttle (tests/test_web.py) would answer them all 429 and leave that route untried.
    app.state.login_throttle = LoginThrottle(limit=1_000_000)
    return app


@pytest.fixture(scope="module")
def bearer(fuzzed_app: FastAPI) -> dict[str, str]:
    # Through the token route, as a client of the API gets one (schemathesis's ASGI client: the same event
    # loop its requests then run on, where the app keeps its store).
    with asgi.get_client(fuzzed_app) as client:  # type: ignore[arg-type]  # its ASGI alias is narrower
        r = client.post("/api/v1/auth/token", data={"username": "admin", "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


@pytest.fixture(scope="module")
def api_schema(fuzzed_app: FastAPI, bearer: dict[str, str]) -> Any:
    # The schema the app serves at /openapi.json (behind the login, so with the token), not one built aside.
    return schemathesis.openapi.from_asgi("/openapi.json", fuzzed_app, headers=bearer)


def operations(api_schema: Any) -> list[Any]:
    return [result.ok() for result in api_schema.get_all_operations()]


def fuzz(operation: Any, mode: GenerationMode, examples: int, bearer: dict[str, str]) -> list[int]:
    """Hypothesis over one operation's generated requests, each answer checked as it comes; their statuses."""
    statuses: list[int] = []

    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: Any) -> None:
        # Undocumented statuses (401, 404, 409, 429…) are no failure here; a 500, or an answer whose body or
        # content type differs from what the schema documents for its status, is.
        r = case.call_and_validate(headers=dict(bearer), checks=[not_a_server_error, response_schema_conformance,
                                                                 content_type_conformance])
        statuses.append(r.status_code)

    run()
    return statuses


@pytest.mark.slow
@pytest.mark.fuzz
@pytest.mark.parametrize(("mode", "examples"), [(GenerationMode.POSITIVE, EXAMPLES),
                                                (GenerationMode.NEGATIVE, EXAMPLES // 2)], ids=["valid", "invalid"])
def test_no_generated_request_makes_a_server_error_or_an_answer_off_the_schema(
        api_schema: Any, bearer: dict[str, str], mode: GenerationMode, examples: int) -> None:
    failures, answered = [], {}
    for operation in operations(api_schema):
        try:
            answered[operation.label] = fuzz(operation, mode, examples, bearer)
        except Unsatisfiable:  # an operation without parameters or body has nothing to make invalid
            assert mode == GenerationMode.NEGATIVE, operation.label
        except Exception as e:  # every operation is tried; all that fail are told together
            failures.append(f"{operation.label}: {e}")
    assert not failures, "\n\n".join(failures)
    if mode == GenerationMode.POSITIVE:
        # The token held throughout: nothing but a wrong password was refused, and the archive answered.
        refused = {op for op, codes in answered.items() if 401 in codes and op != "POST /api/v1/auth/token"}
        assert not refused, refused
        assert {"GET /api/v1/search", "GET /api/v1/status"} <= {op for op, codes in answered.items() if 200 in codes}


def test_the_schema_lists_the_api_and_nothing_else(api_schema: Any) -> None:
    # What the fuzz above covers: every /api/v1 route, none of the pages.
    listed = {op.path for op in operations(api_schema)}
    assert {"/api/v1/auth/token", "/api/v1/search", "/api/v1/dossiers/{key}", "/api/v1/documents/{doc_id}",
            "/api/v1/status", "/api/v1/users"} <= listed
    assert all(p.startswith("/api/v1/") for p in listed), listed


# --- without a login -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def anon(home: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(home=home, today=TODAY)), follow_redirects=False) as c:
        yield c


def sample_path(path: str) -> str:
    """A path with real values in its parameters: numbers where an id goes, the archive's VIN elsewhere."""
    return PARAM.sub(lambda m: "1" if m.group(1).endswith("id") else VIN, path)


def every_route(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    """(method, path) of each route the app serves, whatever declared it. FastAPI keeps an included router
    as one entry (newer releases) or copies its routes in (older ones): both are walked. /static is a mount."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from every_route(included.routes, prefix + route.include_context.prefix)
        elif isinstance(route, Mount):
            assert route.path == "/static", f"a mount this test does not know: {route.path}"
        else:
            assert isinstance(route, Route), f"a route this test does not know: {route!r}"
            for method in sorted(route.methods or ()):
                if method != "HEAD":
                    yield method, prefix + route.path


def test_every_route_but_the_public_few_refuses_without_a_login(anon: TestClient) -> None:
    routes = list(every_route(anon.app.routes))  # type: ignore[attr-defined]
    assert len(routes) >= 12
    refused = 0
    for method, path in routes:
        if path in PUBLIC:
            continue
        url = sample_path(path)
        for headers in ({}, {"Authorization": "Bearer forged.token.value"}):
            anon.cookies.clear()
            r = anon.request(method, url, params={"q": VIN}, headers=headers)
            if PAGE.match(path):  # a page: to the login page
                assert r.status_code == 303 and r.headers["location"] == "/login", (method, path, r.status_code)
            else:
                assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer", (method, path, r.text)
            assert VIN not in r.text, (method, path)
        refused += 1
    assert refused == len([p for _, p in routes if p not in PUBLIC])
    # The public few do answer, and the stylesheet too.
    anon.cookies.clear()
    assert anon.get("/healthz").status_code == 200
    assert anon.get("/login").status_code == 200
    assert anon.get("/static/style.css").status_code == 200


# --- what the fuzz found, kept as plain cases ----------------------------------------------------------
def test_a_taken_user_name_is_a_conflict_not_a_broken_archive(anon: TestClient, home: Path) -> None:
    # It was a 500 ("the archive cannot be written"): the store's error wrapper hid the unique-name violation.
    r = anon.post("/api/v1/auth/token", data={"username": "admin", "password": PASSWORD})
    auth = {"Authorization": f"Bearer {r.json()['access_token']}"}
    new = {"name": "twice", "role": "clerk", "password": PASSWORD}
    assert anon.post("/api/v1/users", json=new, headers=auth).status_code == 201
    again = anon.post("/api/v1/users", json=new, headers=auth)
    assert again.status_code == 409 and again.json()["detail"] == text("web.user_exists")
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "OPENSEARCH_URL")}
    cli = subprocess.run([sys.executable, "-m", "dossier.cli", "user", "add", "twice", "--role", "clerk"],
                         input=PASSWORD + "\n", capture_output=True, text=True, env={**env, "DOSSIER_HOME": str(home)})
    assert cli.returncode != 0 and "用户 twice 已存在" in cli.stderr, cli.stderr


def test_a_document_number_past_64_bits_is_not_found(anon: TestClient) -> None:
    # It was a 500: SQLite refuses to compare with an integer it cannot hold.
    r = anon.post("/api/v1/auth/token", data={"username": "clerk", "password": PASSWORD})
    auth = {"Authorization": f"Bearer {r.json()['access_token']}"}
    for doc_id in (2**63 - 1, 2**63, 10**30, 0, -1):
        assert anon.get(f"/api/v1/documents/{doc_id}", headers=auth).status_code == 404, doc_id
    anon.post("/login", data={"username": "clerk", "password": PASSWORD,
                              "csrf": csrf_of(anon.get("/login").text)})
    assert anon.get(f"/documents/{10**30}").status_code == 404
