"""`Client`: the Dataverse Web API over httpx, as the documented endpoints expect it.

What it takes care of so that callers do not:
- a bearer token for `<org url>/.default`, taken again once when the org answers 401;
- retries on 429 and 5xx answers, waiting what `Retry-After` says (bounded), then a clear error;
- the OData headers, and `$select`/`$filter` written into the URL with their values percent-encoded;
- collections followed through `@odata.nextLink`, which must stay on the org's own address;
- no token or secret ever in a message or a log line.
"""

from __future__ import annotations

import email.utils
import json
import logging
import ssl
import time
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Callable, Iterator, Mapping
from urllib.parse import quote, urlsplit

import httpx

from segquery.org.errors import OrgError
from segquery.org.url import DEFAULT_API_VERSION, normalize_org_url, scope_for

if TYPE_CHECKING:
    from azure.core.credentials import TokenCredential

LOG = logging.getLogger("segquery.org")

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DEFAULT_MAX_RETRIES = 4
DEFAULT_MAX_WAIT = 120.0
"""Longest single wait between retries, whatever Retry-After asks."""
DEFAULT_TIMEOUT = 30.0
TOKEN_MARGIN = 300
"""A token that expires within this many seconds is taken again before use."""

ODATA_HEADERS = {"Accept": "application/json", "OData-MaxVersion": "4.0", "OData-Version": "4.0"}
# Characters left as they are in a query option's value: OData's own punctuation, which the
# service reads literally; everything else (blanks, quotes' contents, &, #, +, %) is percent-encoded.
_SAFE_IN_VALUE = "$,'()/:@*=;"


def query_string(params: Mapping[str, str]) -> str:
    """`{"$select": "a,b", "$filter": "x eq 'a b'"}` -> `$select=a,b&$filter=x%20eq%20'a%20b'`."""
    return "&".join(f"{quote(key, safe='$')}={quote(value, safe=_SAFE_IN_VALUE)}" for key, value in params.items())


@dataclass
class _Token:
    value: str = field(repr=False)
    expires_on: float


class Client:
    """One org's Web API. `sleep` and `clock` are injectable so that tests never wait."""

    def __init__(self, url: str, credential: TokenCredential, *, api_version: str = DEFAULT_API_VERSION,
                 timeout: float = DEFAULT_TIMEOUT, max_retries: int = DEFAULT_MAX_RETRIES,
                 max_wait: float = DEFAULT_MAX_WAIT, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.time, verify: ssl.SSLContext | str | bool = True) -> None:
        try:
            self.url = normalize_org_url(url)
        except ValueError as error:
            raise OrgError(str(error)) from None
        self.scope = scope_for(self.url)
        self.api_root = f"{self.url}/api/data/{api_version}/"
        self.max_retries = max_retries
        self.max_wait = max_wait
        self._credential = credential
        self._sleep = sleep
        self._clock = clock
        self._token: _Token | None = None
        self._http = httpx.Client(timeout=timeout, verify=verify, follow_redirects=False)

    def __repr__(self) -> str:
        return f"Client({self.url!r})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ addresses

    def address(self, path: str, params: Mapping[str, str] | None = None) -> str:
        """The full URL of a Web API path (`msdyncrm_segments`, `$metadata`), with its query options."""
        url = path if path.startswith("https://") else self.api_root + path.lstrip("/")
        return f"{url}?{query_string(params)}" if params else url

    def _same_origin(self, url: str) -> bool:
        parts, own = urlsplit(url), urlsplit(self.url)
        return (parts.scheme, parts.netloc.lower()) == (own.scheme, own.netloc.lower())

    # ------------------------------------------------------------ requests

    def request(self, method: str, path: str, *, params: Mapping[str, str] | None = None,
                body: Any = None, headers: Mapping[str, str] | None = None) -> httpx.Response:
        """Send one request (retried as the class describes); an OrgError unless the answer is 2xx."""
        return self._send(method, self.address(path, params), body, headers, stream=False)

    def get_json(self, path: str, params: Mapping[str, str] | None = None) -> dict[str, Any]:
        return _json(self.request("GET", path, params=params), path)

    def post(self, path: str, body: Any) -> httpx.Response:
        return self.request("POST", path, body=body)

    def patch(self, path: str, body: Any) -> httpx.Response:
        return self.request("PATCH", path, body=body, headers={"If-Match": "*"})

    def collection(self, path: str, *, select: list[str] | None = None, filter: str | None = None,
                   params: Mapping[str, str] | None = None, page_size: int | None = None) -> Iterator[dict[str, Any]]:
        """Every record of a collection, page after page (`@odata.nextLink`)."""
        options = dict(params or {})
        if select:
            options["$select"] = ",".join(select)
        if filter:
            options["$filter"] = filter
        headers = {"Prefer": f"odata.maxpagesize={page_size}"} if page_size else None
        url: str | None = self.address(path, options)
        while url is not None:
            page = _json(self._send("GET", url, None, headers, stream=False), path)
            yield from page.get("value", [])
            url = page.get("@odata.nextLink")
            if url is not None and not self._same_origin(url):
                raise OrgError(f"refused to follow @odata.nextLink to {urlsplit(url).netloc!r}: "
                               f"it is not the org ({urlsplit(self.url).netloc}), and the token must not go there")

    def download(self, path: str, target: IO[bytes], *, chunk_size: int = 1 << 16) -> int:
        """Stream a document (such as `$metadata`) into `target` without holding it in memory; the byte count."""
        response = self._send("GET", self.address(path), None, {"Accept": "application/xml"}, stream=True)
        written = 0
        try:
            for chunk in response.iter_bytes(chunk_size):
                target.write(chunk)
                written += len(chunk)
        finally:
            response.close()
        return written

    # ------------------------------------------------------------ the loop

    def _send(self, method: str, url: str, body: Any, headers: Mapping[str, str] | None, *,
              stream: bool) -> httpx.Response:
        refreshed = False
        attempt = 0
        while True:
            response = self._attempt(method, url, body, headers, stream, attempt)
            status = response.status_code
            LOG.debug("%s %s -> %s", method, url, status)
            if status == 401 and not refreshed:
                _discard(response, stream)
                self._token = None
                refreshed = True
                continue
            if status in RETRY_STATUSES and attempt < self.max_retries:
                delay = self._delay(response, attempt)
                _discard(response, stream)
                LOG.info("%s %s answered %s; retrying in %.1f s", method, url, status, delay)
                self._sleep(delay)
                attempt += 1
                continue
            if status < 400:
                return response
            if stream:
                response.read()
            raise self._failure(method, url, response, attempt)

    def _attempt(self, method: str, url: str, body: Any, headers: Mapping[str, str] | None, stream: bool,
                 attempt: int) -> httpx.Response:
        all_headers = {**ODATA_HEADERS, **(headers or {}), "Authorization": f"Bearer {self._access_token()}"}
        content = None
        if body is not None:
            all_headers["Content-Type"] = "application/json; charset=utf-8"
            content = json.dumps(body, ensure_ascii=False).encode("utf-8")
        request = self._http.build_request(method, url, headers=all_headers, content=content)
        try:
            return self._http.send(request, stream=stream)
        except httpx.TransportError as error:
            if method == "GET" and attempt < self.max_retries:
                self._sleep(self._backoff(attempt))
                return self._attempt(method, url, body, headers, stream, attempt + 1)
            kind = "no answer in time" if isinstance(error, httpx.TimeoutException) else "could not connect"
            raise OrgError(f"{method} {url}: {kind} ({type(error).__name__})") from None

    def _access_token(self) -> str:
        token = self._token
        if token is None or token.expires_on - self._clock() < TOKEN_MARGIN:
            token = self._token = self._fetch_token()
        return token.value

    def _fetch_token(self) -> _Token:
        from azure.core.exceptions import ClientAuthenticationError

        try:
            access = self._credential.get_token(self.scope)
        except ClientAuthenticationError as error:
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise OrgError(f"could not get an access token for {self.scope} "
                           f"({type(self._credential).__name__}): {first_line}") from None
        return _Token(access.token, float(access.expires_on))

    def _delay(self, response: httpx.Response, attempt: int) -> float:
        """What Retry-After asks (seconds or an HTTP date), else exponential back-off; at most max_wait."""
        header = response.headers.get("Retry-After")
        seconds: float | None = None
        if header:
            header = header.strip()
            if header.isdigit():
                seconds = float(header)
            else:
                moment = email.utils.parsedate_to_datetime(header) if _looks_like_date(header) else None
                if moment is not None:
                    seconds = max(0.0, moment.timestamp() - self._clock())
        return min(self.max_wait, seconds if seconds is not None else self._backoff(attempt))

    def _backoff(self, attempt: int) -> float:
        return float(min(self.max_wait, 2 ** attempt))

    def _failure(self, method: str, url: str, response: httpx.Response, attempt: int) -> OrgError:
        status = response.status_code
        detail = _error_message(response)
        said = f"{status} {response.reason_phrase}".strip() + (f": {detail}" if detail else "")
        if status in RETRY_STATUSES:
            return OrgError(f"{method} {url}: gave up after {attempt} retries; the last answer was {said}",
                            status=status)
        if status == 401:
            return OrgError(f"{method} {url}: the org refused the access token twice ({said}); check that the "
                            "identity is a user of this org and that the tenant is the org's", status=status)
        return OrgError(f"{method} {url}: {said}", status=status)


def _looks_like_date(text: str) -> bool:
    try:
        return email.utils.parsedate_to_datetime(text) is not None
    except (TypeError, ValueError, IndexError):
        return False


def _discard(response: httpx.Response, stream: bool) -> None:
    if stream:
        response.close()


def _error_message(response: httpx.Response) -> str:
    """The `error.message` of a Web API error body, else a short piece of the text."""
    try:
        data = response.json()
    except (ValueError, UnicodeDecodeError):
        return response.text.strip()[:200]
    if isinstance(data, dict) and isinstance(data.get("error"), dict):
        return str(data["error"].get("message", "")).strip()
    return ""


def _json(response: httpx.Response, path: str) -> dict[str, Any]:
    try:
        data = response.json()
    except (ValueError, UnicodeDecodeError):
        raise OrgError(f"{path}: the org's answer is not JSON") from None
    if not isinstance(data, dict):
        raise OrgError(f"{path}: the org's answer is not a JSON object")
    return data
