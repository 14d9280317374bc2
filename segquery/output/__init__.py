"""Renderers of FileReports for people (text) and machines (json, sarif, github)."""
