"""The workbench in the scaled deployment (issue 19, point 1): the same app over PostgreSQL and OpenSearch,
with the archive filed by the real pipeline into them. Runs when DATABASE_URL and OPENSEARCH_URL are set
(CI starts both: `eval "$(make -s services-up)"`)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi", reason="the [web] extra")
from fastapi.testclient import TestClient  # noqa: E402

from dossier.classify.keys import make_vin  # noqa: E402
from dossier.config import Settings  # noqa: E402
from dossier.policy import default_policy  # noqa: E402
from dossier.records import open_store  # noqa: E402
from dossier.store import SqlStore  # noqa: E402
from dossier.web import users  # noqa: E402
from dossier.web.app import create_app  # noqa: E402
from dossier.worker.executor import InProcess  # noqa: E402
from dossier.worker.pipeline import Pipeline  # noqa: E402
from tests.test_cli_intake import text_pdf  # noqa: E402
from tests.test_store_contract import alias, configured, pg_url  # noqa: E402, F401  (fixtures)
from tests.test_web import PASSWORD, TODAY, log_in, token  # noqa: E402

VIN = make_vin(random.Random(1414))


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory, pg_url: str | None, alias: str) -> Iterator[Settings]:  # noqa: F811
    work = tmp_path_factory.mktemp("web-scaled")
    settings = configured("postgresql+opensearch", work / "home", pg_url, alias).model_copy(update={"today": TODAY})
    (work / "in").mkdir()
    pdf = text_pdf(work / "in" / "交车检查表.pdf", [
        ["交车检查表", f"车架号：{VIN}", "车牌号：沪B54321", "交车日期：2026年3月6日", "外观 内饰 随车工具"]])
    store = open_store(settings)
    assert isinstance(store, SqlStore) and store.engine.dialect.name == "postgresql"
    [filed] = list(Pipeline(settings, store, default_policy()).run([str(pdf)], InProcess()))
    assert filed.status == "filed", filed
    for name, role in (("clerk", "clerk"), ("auditor", "auditor")):
        users.add_user(store.engine, name, role, PASSWORD)
    # OpenSearch shows a write within its refresh interval (1 s); the test asks at once.
    refresh = getattr(store.index, "refresh", None)
    assert refresh is not None
    refresh()
    store.close()
    yield settings


def test_the_same_app_serves_search_dossiers_and_review_over_postgresql_and_opensearch(scaled: Settings) -> None:
    with TestClient(create_app(scaled), follow_redirects=False) as c:
        auth = token(c, "clerk")
        hits = c.get("/api/v1/search", params={"q": "沪B54321"}, headers=auth).json()
        assert [h["dossier"]["key"] for h in hits] == [VIN]
        assert c.get("/api/v1/search", params={"q": "車架號"}, headers=auth).json()  # Traditional finds Simplified
        view = c.get(f"/api/v1/dossiers/{VIN}", headers=auth).json()
        missing = [i["doc_type"] for cl in view["checklists"] for i in cl["items"] if i["status"] == "missing"]
        assert "id_copy" in missing

        def queued() -> bool:
            rows = c.get("/api/v1/reports/missing", headers=token(c, "auditor")).json()
            return any(r["dossier_key"] == VIN and r["item"] == "id_copy" for r in rows)

        assert queued()
        r = c.post(f"/api/v1/dossiers/{VIN}/waivers", headers=auth,
                   json={"checklist": "new_car", "item": "id_copy", "reason": "单位购车"})
        assert r.status_code == 201, r.text
        assert not queued()  # the cached queue saw PostgreSQL's trigger
        assert c.post(f"/api/v1/audit/{r.json()['id']}/undo", headers=auth).status_code == 201
        assert queued()
        log_in(c, "clerk")
        page = c.get(f"/dossiers/{VIN}")
        assert page.status_code == 200 and "沪B54321" in c.get(f"/search?q={VIN}").text
