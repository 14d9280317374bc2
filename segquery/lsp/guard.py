"""The one wrapper every request handler is registered through.

It makes three promises for every request, whatever the handler does:

- an answer: a result, or a JSON-RPC error whose message says what failed
  (an exception from the library becomes InternalError, without a traceback
  in its `data`; the traceback goes to the server's log on standard error);
- a large document (`SegqueryLanguageServer.is_large`) is not analysed: the
  request is answered with no result, and a message says why;
- whole-document work (formatting, semantic tokens...) runs on the background
  thread, so other requests are answered meanwhile, and `$/cancelRequest`
  cancels it.

A handler that is a coroutine (pulling diagnostics, which may wait for a
check) is awaited on the event loop. A handler registered with
`large_documents=True` answers for large documents too.

A background handler reads what it needs on the event loop and returns the
work to do (a function without arguments), or None when there is nothing to do.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInternalError

from segquery.lsp.documents import Document
from segquery.lsp.server import SegqueryLanguageServer

logger = logging.getLogger(__name__)

Handler = Callable[[SegqueryLanguageServer, Any], Any]


def answering(server: SegqueryLanguageServer, method: str, handler: Handler, *,
              background: bool = False, large_documents: bool = False) -> Callable[[Any], Any]:
    """`handler` bound to the server, keeping the promises above."""
    def declined(params: Any) -> bool:
        return not large_documents and _declined(server, method, params)

    if inspect.iscoroutinefunction(handler):
        async def answer_awaited(params: Any) -> Any:
            with _failures_answered(server, method):
                return None if declined(params) else await handler(server, params)

        return answer_awaited

    if background:
        async def answer_later(params: Any) -> Any:
            with _failures_answered(server, method):
                if declined(params):
                    return None
                work = handler(server, params)
                return None if work is None else await server.background.run(work)

        return answer_later

    def answer(params: Any) -> Any:
        with _failures_answered(server, method):
            if declined(params):
                return None
            return handler(server, params)

    return answer


@contextmanager
def _failures_answered(server: SegqueryLanguageServer, method: str) -> Iterator[None]:
    try:
        yield
    except JsonRpcException:
        raise  # an answer already (a rename that is refused, say)
    except Exception as error:
        logger.exception("%s failed", method)
        reason = f"{type(error).__name__}: {error}"
        server.log(types.MessageType.Error, f"segquery: {method} failed: {reason}")
        raise JsonRpcInternalError(f"segquery could not answer {method} ({reason}); please report this as a bug") \
            from None


def _declined(server: SegqueryLanguageServer, method: str, params: Any) -> bool:
    document = _document_of(server, params)
    if document is None or not server.is_large(document):
        return False
    server.decline(method, document)
    return True


def _document_of(server: SegqueryLanguageServer, params: Any) -> Document | None:
    """The open document a request is about: its `textDocument`, or for a completion
    item to resolve, the document named in the item's data."""
    identifier = getattr(params, "text_document", None)
    if identifier is not None:
        return server.document(identifier.uri)
    data = getattr(params, "data", None)
    if isinstance(data, dict) and isinstance(data.get("uri"), str):
        return server.document(data["uri"])
    return None
