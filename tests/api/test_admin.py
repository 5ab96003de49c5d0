"""The admin matrix: token not configured / missing / wrong / right, oversize, dry run,
create, update, delete, over the same parser and loader as the CLI."""

import hashlib
import logging
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.core.settings import Settings
from app.main import create_app
from tests.golden import gold_market, gold_markets
from tests.paths import SEEDS_DIR

TOKEN = "correct-horse-battery-staple"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
HTML = {**AUTH, "Content-Type": "text/html"}
ICLUSIG = "united-states-iclusig"
ICLUSIG_FILE = SEEDS_DIR / "002_67a20397f5666d95.txt"
LIMIT_BYTES = 200_000


def make_client(database_url: str, token: str | None) -> TestClient:
    settings = Settings(database_url=database_url, admin_token=token, max_upload_bytes=LIMIT_BYTES)
    return TestClient(create_app(database_url, settings=settings), raise_server_exceptions=False)


@pytest.fixture
def admin(database_url: str) -> Iterator[TestClient]:
    with make_client(database_url, TOKEN) as client:
        yield client


def market_count(client: TestClient) -> int:
    total: int = client.get("/markets").json()["total"]
    return total


@pytest.mark.parametrize("blank", [None, "", "   "])
@pytest.mark.parametrize(
    "method,path", [("POST", "/admin/reports"), ("DELETE", f"/admin/markets/{ICLUSIG}")]
)
def test_without_a_configured_token_the_admin_routes_are_disabled(
    database_url: str, blank: str | None, method: str, path: str
) -> None:
    with make_client(database_url, blank) as client:
        response = client.request(method, path, headers=HTML, content=ICLUSIG_FILE.read_bytes())
    assert response.status_code == 404
    assert response.json()["type"].endswith("/admin-disabled")
    assert "ADMIN_TOKEN" in response.json()["detail"]
    # Without credentials it is 401 either way: authentication comes first.
    with make_client(database_url, blank) as client:
        assert client.request(method, path).status_code == 401


@pytest.mark.parametrize(
    "headers,status",
    [
        ({}, 401),
        ({"Authorization": f"Basic {TOKEN}"}, 401),
        ({"Authorization": "Bearer"}, 401),
        ({"Authorization": "Bearer wrong-token"}, 403),
        ({"Authorization": f"Bearer {TOKEN}x"}, 403),
        ({"Authorization": f"Bearer {TOKEN[:-1]}"}, 403),
    ],
)
@pytest.mark.parametrize(
    "method,path", [("POST", "/admin/reports"), ("DELETE", f"/admin/markets/{ICLUSIG}")]
)
def test_a_missing_or_wrong_token_is_refused_and_writes_nothing(
    admin: TestClient, headers: dict[str, str], status: int, method: str, path: str
) -> None:
    content = ICLUSIG_FILE.read_bytes()
    response = admin.request(
        method, path, headers={**headers, "Content-Type": "text/html"}, content=content
    )
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    if status == 401:
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert market_count(admin) == 0


def test_dry_run_returns_the_parse_and_writes_nothing(admin: TestClient) -> None:
    response = admin.post(
        "/admin/reports?dry_run=true", headers=HTML, content=ICLUSIG_FILE.read_bytes()
    )
    assert response.status_code == 200
    body = response.json()
    gold = gold_market(ICLUSIG)
    assert body["status"] == "dry_run" and body["url"] is None
    assert body["report"]["cagr_percent"] == gold["cagr_percent"]
    assert body["report"]["size_usd"] == gold["size_usd"]
    assert market_count(admin) == 0


def test_create_then_update_then_delete(admin: TestClient) -> None:
    html = ICLUSIG_FILE.read_text(encoding="utf-8")
    created = admin.post("/admin/reports", headers=HTML, content=html.encode())
    assert created.status_code == 201, created.text
    assert created.headers["location"] == f"http://testserver/markets/{ICLUSIG}"
    assert created.json()["status"] == "created"
    assert created.json()["url"] == created.headers["location"]
    market = admin.get(created.headers["location"]).json()
    gold = gold_market(ICLUSIG)
    assert market["cagr_percent"] == gold["cagr_percent"]
    assert len(market["faqs"]) == len(gold["faqs"])
    companies = {c["slug"] for c in market["companies"]}
    assert admin.get("/markets?q=insurance").json()["total"] == 1

    changed = html.replace("CAGR of 10.5%", "CAGR of 11.0%").replace(
        "<p>Is Iclusig covered by insurance?</p>", "<p>Is Iclusig reimbursed by zebrafish?</p>"
    )
    updated = admin.post("/admin/reports", headers=HTML, content=changed.encode())
    assert updated.status_code == 200 and updated.json()["status"] == "updated"
    assert updated.json()["url"] == f"http://testserver/markets/{ICLUSIG}"
    assert "location" not in updated.headers
    market = admin.get(f"/markets/{ICLUSIG}").json()
    assert market["cagr_percent"] == 11.0
    assert [m["slug"] for m in admin.get("/markets?q=zebrafish").json()["items"]] == [ICLUSIG]
    assert market_count(admin) == 1

    deleted = admin.delete(f"/admin/markets/{ICLUSIG}", headers=AUTH)
    assert deleted.status_code == 204 and deleted.content == b""
    assert admin.get(f"/markets/{ICLUSIG}").status_code == 404
    assert admin.get("/markets?q=zebrafish").json()["total"] == 0
    for slug in companies:  # listed by no other market, so gone with it
        assert admin.get(f"/companies/{slug}").status_code == 404
    assert admin.delete(f"/admin/markets/{ICLUSIG}", headers=AUTH).status_code == 404


def test_multipart_upload_goes_through_the_same_loader(admin: TestClient) -> None:
    files = {"file": ("iclusig-report.html", ICLUSIG_FILE.read_bytes(), "text/html")}
    response = admin.post("/admin/reports", headers=AUTH, files=files)
    assert response.status_code == 201, response.text
    provenance = admin.get(f"/markets/{ICLUSIG}").json()["source"]
    assert provenance["file"] == "iclusig-report.html"
    assert provenance["sha256"] == hashlib.sha256(ICLUSIG_FILE.read_bytes()).hexdigest()


def test_identical_bytes_are_unchanged_and_write_nothing(admin: TestClient) -> None:
    files = {"file": ("iclusig.html", ICLUSIG_FILE.read_bytes(), "text/html")}
    assert admin.post("/admin/reports", headers=AUTH, files=files).status_code == 201
    before = admin.get(f"/markets/{ICLUSIG}")
    version = admin.get("/meta").json()["dataset_version"]

    again = admin.post("/admin/reports", headers=HTML, content=ICLUSIG_FILE.read_bytes())
    assert again.status_code == 200, again.text
    assert again.json()["status"] == "unchanged"
    assert again.json()["url"] == f"http://testserver/markets/{ICLUSIG}"
    assert admin.get("/meta").json()["dataset_version"] == version
    after = admin.get(f"/markets/{ICLUSIG}", headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 304  # the same representation: nothing moved
    market = admin.get(f"/markets/{ICLUSIG}").json()
    assert market["updated_at"] == before.json()["updated_at"]
    assert market["source"]["file"] == "iclusig.html"  # not renamed to upload.html


@pytest.mark.parametrize(
    ("given", "recorded"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\iclusig.html", "iclusig.html"),
        ("/tmp/", "tmp"),
        ("..", "upload.html"),
    ],
)
def test_the_source_name_never_keeps_a_path(admin: TestClient, given: str, recorded: str) -> None:
    files = {"file": (given, ICLUSIG_FILE.read_bytes(), "text/html")}
    assert admin.post("/admin/reports", headers=AUTH, files=files).status_code == 201
    assert admin.get(f"/markets/{ICLUSIG}").json()["source"]["file"] == recorded


def test_a_raw_body_is_recorded_under_the_filename_parameter(admin: TestClient) -> None:
    response = admin.post(
        "/admin/reports?filename=reports/iclusig-2026.html",
        headers=HTML,
        content=ICLUSIG_FILE.read_bytes(),
    )
    assert response.status_code == 201
    assert admin.get(f"/markets/{ICLUSIG}").json()["source"]["file"] == "iclusig-2026.html"


def test_a_multipart_body_without_a_file_part_names_the_body(admin: TestClient) -> None:
    response = admin.post("/admin/reports", headers=AUTH, data={"other": "x"}, files={"x": b"1"})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"name": "file", "location": "body", "message": "the multipart body needs a `file` part"}
    ]


def test_uploads_keep_the_rest_of_the_data_when_deleting_one_market(admin: TestClient) -> None:
    for path in sorted(SEEDS_DIR.iterdir()):
        assert admin.post("/admin/reports", headers=HTML, content=path.read_bytes()).is_success
    assert admin.delete(f"/admin/markets/{ICLUSIG}", headers=AUTH).status_code == 204
    assert market_count(admin) == len(gold_markets()) - 1
    # Celgene is listed by other markets too, so it stays, without the deleted one.
    celgene = admin.get("/companies/celgene").json()
    assert ICLUSIG not in {m["slug"] for m in celgene["markets"]["items"]}


def test_body_over_the_limit_is_413_from_content_length(admin: TestClient) -> None:
    response = admin.post("/admin/reports", headers=HTML, content=b"x" * (LIMIT_BYTES + 1))
    assert response.status_code == 413
    assert str(LIMIT_BYTES) in response.json()["detail"]
    assert market_count(admin) == 0


def test_body_over_the_limit_is_413_while_streaming_without_content_length(
    admin: TestClient,
) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(100):
            yield b"<p>" + b"y" * 9_993 + b"</p>"

    response = admin.post("/admin/reports", headers=HTML, content=chunks())
    assert response.status_code == 413
    assert market_count(admin) == 0


def test_multipart_over_the_limit_is_413(admin: TestClient) -> None:
    files = {"file": ("big.html", b"z" * (LIMIT_BYTES * 2), "text/html")}
    response = admin.post("/admin/reports", headers=AUTH, files=files)
    assert response.status_code == 413


@pytest.mark.parametrize(
    "headers,content,status,name",
    [
        (HTML, b"", 422, "body"),
        (HTML, b"\x00\x01\x02binary", 422, "body"),
        (HTML, b"<html><body><p>Hello</p></body></html>", 422, "body"),
        ({**AUTH, "Content-Type": "application/json"}, b"{}", 415, None),
        ({**AUTH, "Content-Type": "multipart/form-data; boundary=x"}, b"--x\r\nbad", 422, "file"),
    ],
)
def test_bad_uploads_get_a_clear_error_and_write_nothing(
    admin: TestClient, headers: dict[str, str], content: bytes, status: int, name: str | None
) -> None:
    response = admin.post("/admin/reports", headers=headers, content=content)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    if name:
        assert response.json()["errors"][0]["name"] == name
    assert market_count(admin) == 0


def test_a_slug_owned_by_another_report_is_409(admin: TestClient) -> None:
    html = ICLUSIG_FILE.read_text(encoding="utf-8")
    assert admin.post("/admin/reports", headers=HTML, content=html.encode()).status_code == 201
    other = html.replace("rid=852844", "rid=999999")
    response = admin.post("/admin/reports", headers=HTML, content=other.encode())
    assert response.status_code == 409
    assert "already belongs" in response.json()["detail"]


def test_uploads_are_recorded_as_ingest_runs(admin: TestClient) -> None:
    admin.post("/admin/reports", headers=HTML, content=ICLUSIG_FILE.read_bytes())
    meta = admin.get("/meta").json()
    assert meta["last_ingest_at"] is not None


def test_the_token_is_never_logged(
    admin: TestClient, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    capsys.readouterr()
    admin.post("/admin/reports", headers=HTML, content=ICLUSIG_FILE.read_bytes())
    admin.post("/admin/reports", headers={"Authorization": f"Bearer {TOKEN}-wrong"}, content=b"")
    access_log = capsys.readouterr().err  # the access lines go straight to stderr
    assert caplog.records and '"route":"/admin/reports"' in access_log
    assert TOKEN not in caplog.text and TOKEN not in access_log


def test_the_token_is_an_openapi_security_scheme(admin: TestClient) -> None:
    schema = admin.get("/openapi.json").json()
    scheme = schema["components"]["securitySchemes"]["AdminToken"]
    assert scheme == {**scheme, "type": "http", "scheme": "bearer"}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            secured = operation.get("security") == [{"AdminToken": []}]
            assert secured == path.startswith("/admin"), (method, path)
