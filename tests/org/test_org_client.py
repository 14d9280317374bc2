"""The Web API client against a local https server that answers as the documented API does."""

import json
import logging

import pytest
from werkzeug import Response

from org_fakes import API, FakeCredential, Sleeps, make_client, org_url
from segquery.org import Client, OrgError, query_string


def test_every_request_carries_the_bearer_token_and_the_odata_headers(client, httpserver, credential):
    seen = {}

    def answer(request):
        seen.update(request.headers)
        return Response(json.dumps({"value": []}), content_type="application/json")

    httpserver.expect_request(API + "msdyncrm_segments").respond_with_handler(answer)
    assert list(client.collection("msdyncrm_segments")) == []
    assert seen["Authorization"] == "Bearer token-1"
    assert (seen["Accept"], seen["Odata-Maxversion"], seen["Odata-Version"]) == ("application/json", "4.0", "4.0")
    assert credential.scopes == [org_url(httpserver) + "/.default"]


def test_the_token_is_taken_again_once_on_401(client, httpserver, credential):
    tokens = []

    def answer(request):
        tokens.append(request.headers["Authorization"])
        if len(tokens) == 1:
            return Response('{"error": {"code": "0x80072560", "message": "expired"}}', status=401)
        return Response('{"value": [{"msdyncrm_segmentname": "a"}]}', content_type="application/json")

    httpserver.expect_request(API + "msdyncrm_segments").respond_with_handler(answer)
    assert list(client.collection("msdyncrm_segments")) == [{"msdyncrm_segmentname": "a"}]
    assert tokens == ["Bearer token-1", "Bearer token-2"]


def test_a_second_401_is_an_error_that_names_the_likely_cause(client, httpserver, credential):
    httpserver.expect_request(API + "msdyncrm_segments").respond_with_json(
        {"error": {"code": "0x80072560", "message": "The user is not a member of the organization."}}, status=401)
    with pytest.raises(OrgError) as caught:
        client.get_json("msdyncrm_segments")
    assert caught.value.status == 401
    assert caught.value.message == (
        f"GET {org_url(httpserver)}{API}msdyncrm_segments: the org refused the access token twice "
        "(401 UNAUTHORIZED: The user is not a member of the organization.); check that the identity is a user "
        "of this org and that the tenant is the org's")
    assert len(credential.scopes) == 2


def test_retry_after_is_honoured_and_the_request_goes_through(client, httpserver, sleeps):
    answers = iter([Response("", status=429, headers={"Retry-After": "7"}),
                    Response("", status=503, headers={"Retry-After": "2"}),
                    Response('{"value": []}', content_type="application/json")])
    httpserver.expect_request(API + "msdyncrm_segments").respond_with_handler(lambda request: next(answers))
    assert client.get_json("msdyncrm_segments") == {"value": []}
    assert sleeps.waits == [7.0, 2.0]


def test_a_long_retry_after_is_capped_and_no_header_backs_off(httpserver, tls_context):
    sleeps = Sleeps()
    answers = iter([Response("", status=429, headers={"Retry-After": "100000"}), Response("", status=500),
                    Response("{}", content_type="application/json")])
    httpserver.expect_request(API + "x").respond_with_handler(lambda request: next(answers))
    with make_client(httpserver, tls_context, sleeps=sleeps, max_wait=30) as client:
        assert client.get_json("x") == {}
    assert sleeps.waits == [30.0, 2.0]


def test_the_retry_budget_ends_in_a_clear_error(httpserver, tls_context):
    sleeps = Sleeps()
    httpserver.expect_request(API + "msdyncrm_segments").respond_with_json(
        {"error": {"code": "0x80072322", "message": "Number of requests exceeded the limit of 6000"}},
        status=429, headers={"Retry-After": "1"})
    with make_client(httpserver, tls_context, sleeps=sleeps, max_retries=3) as client:
        with pytest.raises(OrgError) as caught:
            client.get_json("msdyncrm_segments")
    assert caught.value.message == (
        f"GET {org_url(httpserver)}{API}msdyncrm_segments: gave up after 3 retries; the last answer was "
        "429 TOO MANY REQUESTS: Number of requests exceeded the limit of 6000")
    assert sleeps.waits == [1.0, 1.0, 1.0]
    assert len(httpserver.log) == 4


def test_a_400_is_reported_with_the_service_message_and_not_retried(client, httpserver, sleeps):
    httpserver.expect_request(API + "msdyncrm_segments", method="POST").respond_with_json(
        {"error": {"code": "0x80040203", "message": "Invalid segment query"}}, status=400)
    with pytest.raises(OrgError) as caught:
        client.post("msdyncrm_segments", {"msdyncrm_segmentname": "a"})
    assert (caught.value.status, caught.value.message) == (
        400, f"POST {org_url(httpserver)}{API}msdyncrm_segments: 400 BAD REQUEST: Invalid segment query")
    assert sleeps.waits == []


def test_collections_follow_next_link_until_the_last_page(client, httpserver):
    base = org_url(httpserver) + API
    httpserver.expect_ordered_request(API + "msdyncrm_segments", query_string="$select=msdyncrm_segmentname"
                                      ).respond_with_json({"value": [{"n": 1}, {"n": 2}],
                                                           "@odata.nextLink": base + "msdyncrm_segments?$skiptoken=2"})
    httpserver.expect_ordered_request(API + "msdyncrm_segments", query_string="$skiptoken=2").respond_with_json(
        {"value": [{"n": 3}], "@odata.nextLink": base + "msdyncrm_segments?$skiptoken=3"})
    httpserver.expect_ordered_request(API + "msdyncrm_segments", query_string="$skiptoken=3").respond_with_json(
        {"value": [{"n": 4}]})
    assert [record["n"] for record in client.collection("msdyncrm_segments", select=["msdyncrm_segmentname"])] == [
        1, 2, 3, 4]


def test_a_next_link_to_another_host_is_refused(client, httpserver):
    httpserver.expect_request(API + "msdyncrm_segments").respond_with_json(
        {"value": [], "@odata.nextLink": "https://evil.example/api/data/v9.2/msdyncrm_segments?$skiptoken=2"})
    with pytest.raises(OrgError, match="refused to follow @odata.nextLink to 'evil.example'"):
        list(client.collection("msdyncrm_segments"))


def test_select_and_filter_are_percent_encoded_exactly():
    assert query_string({"$select": "msdyncrm_segmentid,msdyncrm_segmentname",
                         "$filter": "msdyncrm_segmentname eq 'A & B #1+%'"}) == (
        "$select=msdyncrm_segmentid,msdyncrm_segmentname"
        "&$filter=msdyncrm_segmentname%20eq%20'A%20%26%20B%20%231%2B%25'")


def test_the_filter_reaches_the_server_as_written(client, httpserver):
    seen = []
    httpserver.expect_request(API + "msdyncrm_segments").respond_with_handler(
        lambda request: seen.append(request.args["$filter"]) or Response('{"value": []}'))
    list(client.collection("msdyncrm_segments", filter="msdyncrm_segmentname eq 'A & B'"))
    assert seen == ["msdyncrm_segmentname eq 'A & B'"]


@pytest.mark.parametrize(("url", "message"), [
    ("http://contoso.crm.dynamics.com", "the org URL must use https (got http): the access token is sent with "
                                        "every request and must not travel in the clear"),
    ("contoso.crm.dynamics.com", "the org URL must use https (got no scheme): the access token is sent with "
                                 "every request and must not travel in the clear"),
    ("https://user:pw@contoso.crm.dynamics.com", "the org URL must not hold a user name or password; credentials "
                                                 "come from the environment or the Azure credential chain"),
    ("https://contoso.crm.dynamics.com/main.aspx", "the org URL is the address of the org alone, without a path "
                                                    "(got '/main.aspx')"),
])
def test_an_org_url_that_is_not_plain_https_is_refused(url, message):
    with pytest.raises(OrgError) as caught:
        Client(url, FakeCredential())
    assert caught.value.message == message


def test_a_credential_that_fails_becomes_a_one_line_error(httpserver, tls_context):
    from azure.core.exceptions import ClientAuthenticationError

    class WrongTenant:
        def get_token(self, *scopes, **kwargs):
            raise ClientAuthenticationError("AADSTS90002: Tenant 'nope' not found.\nTrace ID: 1")

    with Client(org_url(httpserver), WrongTenant(), verify=tls_context) as client:
        with pytest.raises(OrgError) as caught:
            client.get_json("msdyncrm_segments")
    assert caught.value.message == (f"could not get an access token for {org_url(httpserver)}/.default "
                                    "(WrongTenant): AADSTS90002: Tenant 'nope' not found.")


def test_tokens_never_reach_the_log_or_the_errors(client, httpserver, caplog):
    httpserver.expect_request(API + "x").respond_with_json({"error": {"message": "boom"}}, status=500)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(OrgError) as caught:
        client.get_json("x")
    assert "token-" not in caught.value.message
    assert "token-" not in caplog.text and "Bearer" not in caplog.text
    assert "token" not in repr(client)


def test_retry_after_as_an_http_date_is_waited_for_from_now(httpserver, tls_context):
    sleeps = Sleeps()
    answers = iter([Response("", status=503, headers={"Retry-After": "Wed, 21 Oct 2026 07:28:05 GMT"}),
                    Response("{}", content_type="application/json")])
    httpserver.expect_request(API + "x").respond_with_handler(lambda request: next(answers))
    moment = 1792567680.0   # 2026-10-21 07:28:00 UTC
    with make_client(httpserver, tls_context, sleeps=sleeps, clock=lambda: moment) as client:
        assert client.get_json("x") == {}
    assert sleeps.waits == [5.0]


def test_a_read_that_cannot_connect_is_retried_then_reported(tls_context):
    import socket

    with socket.socket() as probe:          # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sleeps = Sleeps()
    with Client(f"https://127.0.0.1:{port}", FakeCredential(), sleep=sleeps, verify=tls_context,
                max_retries=2) as client:
        with pytest.raises(OrgError) as caught:
            client.get_json("x")
    assert caught.value.message == f"GET https://127.0.0.1:{port}{API}x: could not connect (ConnectError)"
    assert sleeps.waits == [1.0, 2.0]


def test_an_answer_that_does_not_come_in_time_is_a_clear_error(httpserver, tls_context):
    import threading

    released = threading.Event()
    httpserver.expect_request(API + "x").respond_with_handler(
        lambda request: released.wait(10) and Response("{}", content_type="application/json"))
    sleeps = Sleeps()
    try:
        with make_client(httpserver, tls_context, sleeps=sleeps, timeout=0.2, max_retries=0) as client:
            with pytest.raises(OrgError) as caught:
                client.get_json("x")
    finally:
        released.set()
    assert caught.value.message == f"GET {org_url(httpserver)}{API}x: no answer in time (ReadTimeout)"
    assert sleeps.waits == []


def test_the_library_api_is_importable_from_the_package():
    import segquery.org as org

    assert {name: getattr(org, name).__module__.rsplit(".", 1)[-1] for name in ("Plan", "apply_plan", "pull_schema",
                                                                             "pull_segments", "remote_check", "IdWrite")
            } == {"Plan": "plan", "apply_plan": "apply", "pull_schema": "schema_pull", "pull_segments": "pull",
                  "remote_check": "remote_check", "IdWrite": "id_files"}
    assert all(getattr(org, name) is not None for name in org.__all__)
