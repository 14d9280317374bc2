"""The server under abuse, through a client that writes the frames itself:
parameters of every wrong shape to every request, 20,000 notifications,
large documents, a document whose check fails. Every request gets a response
with its id; the server is alive at the end of each test."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from lsp_session import uri_of
from raw_client import RawClient
from segquery.lsp.server import LARGE_DOCUMENT_CHARS, declined_message

from segquery import engine

INVALID_PARAMS = -32602
REQUEST_CANCELLED = -32800
QUERY = "PROFILE(contact, c).FILTER(c.address1_city == 'Seattle')"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("abuse")


@pytest.fixture(scope="module")
def raw(root: Path):
    """One server for the module's tests, spoken to frame by frame."""
    client = RawClient(root / "server.log")
    client.initialize(root)
    yield client
    assert client.shutdown() == 0


def fresh_client(root: Path, name: str, **options: Any) -> RawClient:
    client = RawClient(root / f"{name}.log")
    client.initialize(root, **options)
    return client


def assert_alive(client: RawClient, root: Path) -> None:
    """A valid request on a valid document is answered with its result."""
    uri = uri_of(root / "alive.segq")
    client.open(uri, QUERY)
    answer = client.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}})
    assert answer["result"]["contents"]["kind"] == "markdown"
    client.close(uri)


# ---------------------------------------------------------------- parameters of the wrong shape

DOCUMENT = "file:///abuse/doc.segq"
POSITION = {"line": 0, "character": 3}
RANGE = {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 5}}
FORMATTING = {"tabSize": 4, "insertSpaces": True}

# Valid parameters for every request the server registers.
VALID_PARAMS: dict[str, dict[str, Any]] = {
    "textDocument/completion": {"textDocument": {"uri": DOCUMENT}, "position": POSITION},
    "completionItem/resolve": {"label": "FILTER", "data": {"uri": DOCUMENT, "offset": 3}},
    "textDocument/hover": {"textDocument": {"uri": DOCUMENT}, "position": POSITION},
    "textDocument/signatureHelp": {"textDocument": {"uri": DOCUMENT}, "position": POSITION},
    "textDocument/definition": {"textDocument": {"uri": DOCUMENT}, "position": POSITION},
    "textDocument/references": {"textDocument": {"uri": DOCUMENT}, "position": POSITION,
                                "context": {"includeDeclaration": True}},
    "textDocument/prepareRename": {"textDocument": {"uri": DOCUMENT}, "position": POSITION},
    "textDocument/rename": {"textDocument": {"uri": DOCUMENT}, "position": POSITION, "newName": "d"},
    "textDocument/documentSymbol": {"textDocument": {"uri": DOCUMENT}},
    "textDocument/foldingRange": {"textDocument": {"uri": DOCUMENT}},
    "textDocument/semanticTokens/full": {"textDocument": {"uri": DOCUMENT}},
    "textDocument/formatting": {"textDocument": {"uri": DOCUMENT}, "options": FORMATTING},
    "textDocument/rangeFormatting": {"textDocument": {"uri": DOCUMENT}, "range": RANGE, "options": FORMATTING},
    "textDocument/codeAction": {"textDocument": {"uri": DOCUMENT}, "range": RANGE,
                                "context": {"diagnostics": []}},
}


def _numbers_set_to(value: int):
    """Every position's line, and `tabSize`, set to `value`."""
    def transform(params: dict[str, Any]) -> dict[str, Any]:
        params = copy.deepcopy(params)
        _set_numbers(params, value)
        return params
    return transform


def _set_numbers(node: Any, value: int) -> None:
    if isinstance(node, dict):
        for key, item in node.items():
            if key in ("line", "tabSize"):
                node[key] = value
            else:
                _set_numbers(item, value)


def _required_field_removed(params: dict[str, Any]) -> dict[str, Any]:
    """Without `position` (or, for requests that have none, what locates the request)."""
    params = copy.deepcopy(params)
    for key in ("position", "range", "label", "textDocument"):
        if key in params:
            del params[key]
            return params
    raise AssertionError(params)


SHAPES = {
    "negative position": _numbers_set_to(-1),
    "number above 2^31": _numbers_set_to(2**31 + 7),
    "missing position": _required_field_removed,
    "params as a string": lambda params: "PROFILE(contact)",
    "params as a list": lambda params: [params],
    "params null": lambda params: None,
}


# Each shape for each request it breaks (a request without a number has no number to break;
# the offset in a completion item's data is the server's own, see below).
CASES = [(method, shape) for method, params in VALID_PARAMS.items()
         for shape, transform in SHAPES.items() if transform(params) != params]


def test_every_request_is_broken_in_every_way_it_can_be():
    with_position = {method for method, params in VALID_PARAMS.items() if "position" in params}
    assert len(with_position) == 7
    assert {(method, shape) for method in with_position for shape in SHAPES} <= set(CASES)
    assert {method for method, _ in CASES} == set(VALID_PARAMS)
    assert len(CASES) == len(VALID_PARAMS) * len(SHAPES) - 4 * 2  # symbols, folding, tokens, resolve: no number


@pytest.mark.parametrize(("method", "shape"), CASES)
def test_a_request_of_the_wrong_shape_is_answered_invalid_params(raw: RawClient, root: Path, method: str,
                                                                   shape: str):
    raw.open(DOCUMENT, QUERY)
    params = SHAPES[shape](VALID_PARAMS[method])
    message_id = raw.request(method, params)
    answer = raw.response(message_id)
    assert answer["id"] == message_id
    assert "result" not in answer
    assert answer["error"]["code"] == INVALID_PARAMS
    assert answer["error"]["message"].startswith(f"invalid parameters for {method}: ")
    assert answer["error"].get("data") is None  # never a traceback
    raw.close(DOCUMENT)
    assert_alive(raw, root)


@pytest.mark.parametrize("offset", [-1, 2**31 + 7, len(QUERY) + 1, "3", None])
def test_a_completion_item_whose_data_is_not_ours_is_resolved_as_it_is(raw: RawClient, offset: Any):
    raw.open(DOCUMENT, QUERY)
    item = {"label": "FILTER", "data": {"uri": DOCUMENT, "offset": offset}}
    assert raw.call("completionItem/resolve", item)["result"] == item
    raw.close(DOCUMENT)


def test_the_valid_parameters_are_answered_with_results(raw: RawClient, root: Path):
    raw.open(DOCUMENT, QUERY)
    for method, params in VALID_PARAMS.items():
        answer = raw.call(method, params)
        assert "error" not in answer or answer["error"]["code"] == -32803, (method, answer)  # RequestFailed
    raw.close(DOCUMENT)


def test_an_error_message_for_invalid_params_names_the_field(raw: RawClient):
    answer = raw.call("textDocument/hover", SHAPES["negative position"](VALID_PARAMS["textDocument/hover"]))
    assert answer["error"]["message"] == (
        "invalid parameters for textDocument/hover: "
        "Position.line should be in range [0:2147483647], but was -1. @ $.params.position")


def test_a_notification_of_the_wrong_shape_is_dropped_and_the_server_goes_on(raw: RawClient, root: Path):
    raw.notify("textDocument/didOpen", "PROFILE(contact)")
    raw.notify("textDocument/didChange", {"textDocument": {"uri": DOCUMENT, "version": -5}})
    assert_alive(raw, root)


# ---------------------------------------------------------------- many notifications

NOTIFICATIONS = 20_000
MEMORY_BOUND_KIB = 20 * 1024   # pygls keeping a future per notification grows it by about 40 MiB


def test_twenty_thousand_notifications_keep_memory_bounded(raw: RawClient, root: Path):
    uri = uri_of(root / "typed.segq")
    raw.open(uri, QUERY)
    version = 1

    def changes(count: int) -> None:
        nonlocal version
        for _ in range(count):
            version += 1
            raw.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                  "contentChanges": [{"text": QUERY}]})
        # Answered after every notification before it has been handled.
        raw.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": POSITION})

    changes(2_000)  # the server's own caches fill up first
    before = raw.rss_kib()
    changes(NOTIFICATIONS)
    assert raw.rss_kib() - before < MEMORY_BOUND_KIB
    assert raw.diagnostics(uri, version) == []
    raw.close(uri)


# ---------------------------------------------------------------- large documents


def conditions(count: int) -> str:
    """A valid query of `count` conditions, one per line."""
    return "PROFILE(contact, c).FILTER(\n" + " ||\n".join(
        f"    c.address1_city == 'City {number}'" for number in range(count)) + ")\n"


def test_a_large_document_does_not_hold_up_other_requests(root: Path):
    client = fresh_client(root, "large")
    try:
        large, small = uri_of(root / "large.segq"), uri_of(root / "small.segq")
        text = conditions(40_000)
        assert LARGE_DOCUMENT_CHARS < len(text) < 2 * 1024 * 1024
        client.open(large, text)
        client.open(small, QUERY)
        hover = client.call("textDocument/hover", {"textDocument": {"uri": small}, "position": POSITION})
        assert hover["result"] is not None
        # The small document was answered while the large one is still being checked.
        published = [message["params"]["uri"] for message in client.arrivals
                     if message.get("method") == "textDocument/publishDiagnostics"]
        assert large not in published
        formatting = client.call("textDocument/formatting", {"textDocument": {"uri": large}, "options": FORMATTING})
        assert formatting == {"jsonrpc": "2.0", "id": formatting["id"], "result": None}
        message = client.notification(lambda message: message["method"] == "window/showMessage")
        assert message["params"] == {"type": 3, "message": declined_message(
            "textDocument/formatting", len(text), LARGE_DOCUMENT_CHARS)}
        assert message["params"]["message"] == (
            "segquery: textDocument/formatting is off for documents above 524,288 characters "
            f"(this one has {len(text):,}); its diagnostics are still checked")
        client.close(large)
        assert_alive(client, root)
    finally:
        assert client.shutdown() == 0


def test_a_large_document_is_checked_in_the_background_and_its_requests_declined(root: Path):
    limit = 2_000
    client = fresh_client(root, "limit", largeDocumentSize=limit)
    try:
        uri = uri_of(root / "over_the_limit.segq")
        text = conditions(80).replace("'City 40'", "'City 40") + "\n"  # an unclosed string
        assert len(text) > limit
        client.open(uri, text)
        path = str(root / "over_the_limit.segq")
        expected = [(item.code, item.message) for item in engine.check_text(text, path=path).diagnostics]
        assert expected
        assert [(item["code"], item["message"]) for item in client.diagnostics(uri)] == expected
        for method in ("textDocument/hover", "textDocument/semanticTokens/full", "textDocument/hover"):
            params = {"textDocument": {"uri": uri}, "position": POSITION}
            assert client.call(method, params)["result"] is None
        shown = [message["params"]["message"] for message in client.notifications
                 if message["method"] == "window/showMessage"]
        # Once per request kind and version of the document.
        assert shown == [declined_message(method, len(text), limit)
                         for method in ("textDocument/hover", "textDocument/semanticTokens/full")]
    finally:
        assert client.shutdown() == 0


def test_a_request_waiting_for_the_background_thread_can_be_cancelled(root: Path):
    client = fresh_client(root, "cancel")
    try:
        uri = uri_of(root / "to_format.segq")
        client.open(uri, conditions(2_500))
        params = {"textDocument": {"uri": uri}, "options": FORMATTING}
        first = client.request("textDocument/formatting", params)
        second = client.request("textDocument/formatting", params)
        client.notify("$/cancelRequest", {"id": second})
        # The second waits behind the first, which formats the whole document: it never starts.
        assert client.response(second)["error"]["code"] == REQUEST_CANCELLED
        assert isinstance(client.response(first)["result"], list)
        assert_alive(client, root)
    finally:
        assert client.shutdown() == 0


# ---------------------------------------------------------------- a document whose check fails

HUGE_LITERAL = "PROFILE(contact).FILTER(numberofemployees == " + "9" * 5_000 + ")"


def test_a_huge_number_literal_gets_diagnostics_and_a_fix_all_answer(raw: RawClient, root: Path):
    uri = uri_of(root / "huge_literal.segq")
    raw.open(uri, HUGE_LITERAL)
    diagnostics = raw.diagnostics(uri)
    assert all("Traceback" not in item["message"] for item in diagnostics)
    answer = raw.call("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": RANGE,
        "context": {"diagnostics": [], "only": ["source.fixAll.segquery"]}})
    assert isinstance(answer["result"], list)
    # The other documents are checked as usual.
    other = uri_of(root / "after_huge_literal.segq")
    raw.open(other, QUERY)
    assert raw.diagnostics(other) == []
    raw.close(uri)
    raw.close(other)
