"""The open documents: the one copy of each text the client is editing.

The server keeps its own store instead of pygls's so that line breaks follow
the protocol (`\\n`, `\\r\\n`, `\\r`) and each version is an immutable snapshot
that a request can read while the next change arrives.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lsprotocol import types
from pygls.uris import to_fs_path

from segquery.lsp.convert import UTF16, LineIndex, apply_content_changes
from segquery.paths import path_key


@dataclass(frozen=True, slots=True)
class Document:
    """One version of an open document."""

    uri: str
    version: int | None
    index: LineIndex
    language_id: str = "segquery"

    @property
    def text(self) -> str:
        return self.index.text

    @property
    def path(self) -> str | None:
        """The file system path, or None for an unsaved (`untitled:`) document."""
        return uri_to_path(self.uri)


def uri_to_path(uri: str) -> str | None:
    if not uri.startswith("file:"):
        return None
    return to_fs_path(uri)


class DocumentStore:
    """Open documents by URI."""

    def __init__(self, encoding: str = UTF16) -> None:
        self.encoding = encoding
        self._documents: dict[str, Document] = {}

    def open(self, item: types.TextDocumentItem) -> Document:
        document = Document(item.uri, item.version, LineIndex(item.text, self.encoding), item.language_id)
        self._documents[item.uri] = document
        return document

    def change(self, uri: str, version: int | None,
               changes: Sequence[types.TextDocumentContentChangeEvent]) -> Document | None:
        """Apply a didChange; a change to a document that is not open is ignored."""
        current = self._documents.get(uri)
        if current is None:
            return None
        document = Document(uri, version, apply_content_changes(current.index, changes), current.language_id)
        self._documents[uri] = document
        return document

    def close(self, uri: str) -> Document | None:
        return self._documents.pop(uri, None)

    def get(self, uri: str) -> Document | None:
        return self._documents.get(uri)

    def by_path(self, path: str) -> Document | None:
        key = path_key(path)
        for document in self._documents.values():
            if document.path is not None and path_key(document.path) == key:
                return document
        return None

    def __iter__(self) -> Iterator[Document]:
        return iter(list(self._documents.values()))

    def __len__(self) -> int:
        return len(self._documents)
