import pytest

from org_fakes import FakeCredential, Sleeps, make_client, start_server


@pytest.fixture(scope="session")
def org_tls(tmp_path_factory):
    server, context = start_server(tmp_path_factory.mktemp("tls"))
    yield server, context
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture
def httpserver(org_tls):
    server, _ = org_tls
    yield server
    server.clear()


@pytest.fixture
def tls_context(org_tls):
    return org_tls[1]


@pytest.fixture
def credential():
    return FakeCredential()


@pytest.fixture
def sleeps():
    return Sleeps()


@pytest.fixture
def client(httpserver, tls_context, credential, sleeps):
    with make_client(httpserver, tls_context, credential, sleeps) as made:
        yield made
