def pytest_configure(config):
    config.addinivalue_line("markers", "slow: installs packages or runs external tools; deselect with -m 'not slow'")
