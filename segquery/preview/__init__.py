"""Run a query's SQL on exported data and count the members of every stage."""

from segquery.preview.data import DataError, find_tables
from segquery.preview.engines import DuckDBEngine, EngineError, SparkEngine
from segquery.preview.run import PreviewResult, StageCount, plan_for, preview

__all__ = ["DataError", "DuckDBEngine", "EngineError", "PreviewResult", "SparkEngine", "StageCount", "find_tables",
           "plan_for", "preview"]
