"""pygls's protocol, with four changes.

- No copy of the open documents: pygls applies every didOpen/didChange/
  didClose to a workspace of its own before calling the server's handler. The
  server keeps the documents itself (`documents.DocumentStore`), so those
  built-in steps would only double the work on every keystroke and split
  lines differently from the protocol.
- No future kept after its handler is done: pygls 2.1.1 files the future of
  every notification handled by a generator (didOpen, didChange, didClose...)
  under a fresh id in `_request_futures` and never removes it, so memory grows
  with every notification (see "Known upstream issue" in
  docs/language-server.md).
- A request whose parameters do not fit its method (a negative position, a
  string for the parameters) is answered with InvalidParams; pygls only logs
  it, and the client would wait forever.
- Every message pushes the server's next full garbage collection back
  (`idle_collection.IdleCollector`): collections run while the user is not
  typing.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

import cattrs
from cattrs.v import format_exception
from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.protocol import LanguageServerProtocol, lsp_method

# What `structure_message` returns for a request it has already answered with an error.
ANSWERED = object()


class SegqueryProtocol(LanguageServerProtocol):
    def _user_handler(self, method: str, params):
        handler = self.fm.features.get(method)
        if handler is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams):
        yield from self._user_handler(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        yield from self._user_handler(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams):
        yield from self._user_handler(types.TEXT_DOCUMENT_DID_CLOSE, params)

    # ------------------------------------------------------------ futures of finished handlers

    def _execute_handler(self, msg_id, handler, callback, args=None, kwargs=None):
        def forget_then(future: Future[Any]) -> None:
            if self._request_futures.get(msg_id) is future:
                del self._request_futures[msg_id]
            callback(future)

        super()._execute_handler(msg_id, handler, forget_then, args, kwargs)

    # ------------------------------------------------------------ parameters that do not fit

    def structure_message(self, data: dict[str, Any]):
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if not _is_request(data):
                raise
            reasons = "; ".join(_reasons(error.__cause__)) or error.message
            self._send_response(data["id"], error=JsonRpcInvalidParams(
                f"invalid parameters for {data['method']}: {reasons}").to_response_error())
            return ANSWERED

    def handle_message(self, message):
        collector = getattr(self._server, "idle_collector", None)
        if collector is not None:
            collector.activity()
        if message is ANSWERED:
            return
        super().handle_message(message)


def _is_request(data: dict[str, Any]) -> bool:
    return isinstance(data.get("id"), (int, str)) and not isinstance(data.get("id"), bool) \
        and isinstance(data.get("method"), str)


def _reasons(error: BaseException | None) -> list[str]:
    """What does not fit, one line per field (`Position.line should be in range... @ $.params.position`)."""
    if not isinstance(error, Exception):
        return []
    try:
        return cattrs.transform_error(error, path="$", format_exception=_describe)
    except Exception:  # noqa: BLE001 - only a refinement of the message
        return [str(error)]


def _describe(error: BaseException, type_: Any) -> str:
    if isinstance(error, ValueError) and str(error):
        return str(error)
    return format_exception(error, type_)
