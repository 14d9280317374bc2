"""What the org tests stand on: an https server on 127.0.0.1 with a certificate made for the
run, a credential that stands in for Azure AD, and a sleep that records instead of waiting."""

from __future__ import annotations

import datetime
import ssl
from dataclasses import dataclass, field
from pathlib import Path

from azure.core.credentials import AccessToken
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pytest_httpserver import HTTPServer

from segquery.org import Client

API = "/api/data/v9.2/"
SECRET = "s3cr3t-client-secret-value"


def make_certificate(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (its own CA): the client checks it as it checks an org's."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    import ipaddress

    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(days=1))
                   .not_valid_after(now + datetime.timedelta(days=1))
                   .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                                  critical=False)
                   .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                   .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def start_server(directory: Path) -> tuple[HTTPServer, ssl.SSLContext]:
    cert_path, key_path = make_certificate(directory)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert_path, key_path)
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=server_context)
    server.start()
    client_context = ssl.create_default_context(cafile=str(cert_path))
    return server, client_context


@dataclass
class FakeCredential:
    """Hands out `token-1`, `token-2`... and counts the scopes it was asked for."""

    scopes: list[str] = field(default_factory=list)
    lifetime: int = 3600

    def get_token(self, *scopes: str, **kwargs: object) -> AccessToken:
        self.scopes.extend(scopes)
        return AccessToken(f"token-{len(self.scopes)}", 4_000_000_000)


@dataclass
class Sleeps:
    """Stands in for time.sleep: records each wait, returns at once."""

    waits: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def org_url(server: HTTPServer) -> str:
    return f"https://127.0.0.1:{server.port}"


def make_client(server: HTTPServer, context: ssl.SSLContext, credential: FakeCredential | None = None,
                sleeps: Sleeps | None = None, **options: object) -> Client:
    return Client(org_url(server), credential or FakeCredential(), sleep=sleeps or Sleeps(), verify=context,
                  **options)  # type: ignore[arg-type]
