"""segquery's version, in a module of its own: what records it (the cache key, SARIF's tool
version, `--version`) imports it without loading the package's public names."""

__version__ = "0.1.0"
