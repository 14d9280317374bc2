"""A segment query in plain English, one line per step, with attribute names
and option labels from the schema."""

from segquery.explain.explainer import explain, explain_tree
from segquery.explain.model import Explanation, ExplanationLine, LineKind

__all__ = ["Explanation", "ExplanationLine", "LineKind", "explain", "explain_tree"]
