"""The editor set-ups: the VS Code extension's manifest, language configuration
and TextMate grammar, and the helix and neovim snippets."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VSCODE = REPO / "editors" / "vscode"
GRAMMAR_PATH = VSCODE / "syntaxes" / "segquery.tmLanguage.json"


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


GRAMMAR = load(GRAMMAR_PATH)


def test_manifest_declares_the_language_grammar_and_server():
    manifest = load(VSCODE / "package.json")
    [language] = manifest["contributes"]["languages"]
    assert language["id"] == "segquery"
    assert language["extensions"] == [".segq"]
    assert (VSCODE / language["configuration"]).is_file()
    [grammar] = manifest["contributes"]["grammars"]
    assert grammar["language"] == "segquery"
    assert grammar["scopeName"] == GRAMMAR["scopeName"] == "source.segquery"
    assert (VSCODE / grammar["path"]).resolve() == GRAMMAR_PATH
    # VS Code loads the bundle that `vscode:prepublish` builds from extension.js (see test_vscode_package).
    assert manifest["main"] == "./dist/extension.js"
    assert manifest["scripts"]["vscode:prepublish"] == "npm run bundle"
    assert manifest["scripts"]["bundle"].startswith("esbuild extension.js --bundle --outfile=dist/extension.js ")
    assert "vscode-languageclient" in manifest["dependencies"]
    assert manifest["contributes"]["configuration"]["properties"]["segquery.server.command"]["default"] == [
        "segquery", "lsp"]
    declared = {command["command"] for command in manifest["contributes"]["commands"]}
    used = set(re.findall(r'registerCommand\("([^"]+)"', (VSCODE / "extension.js").read_text()))
    assert used == declared == {"segquery.restartServer"}


def test_language_configuration():
    config = load(VSCODE / "language-configuration.json")
    assert config["comments"] == {"lineComment": "//", "blockComment": ["/*", "*/"]}
    assert config["brackets"] == [["(", ")"], ["[", "]"]]
    assert {pair["open"]: pair["close"] for pair in config["autoClosingPairs"]} == {
        "(": ")", "[": "]", "'": "'", '"': '"', "/*": " */"}
    indent = config["indentationRules"]
    assert re.search(indent["increaseIndentPattern"], "    .FILTER(statecode IN [")
    assert re.search(indent["decreaseIndentPattern"], "    ]") and re.search(indent["decreaseIndentPattern"], ")")
    word = re.compile(config["wordPattern"])
    assert word.fullmatch("contact_1") and word.fullmatch("-1.5") and not word.fullmatch("a.b")


def _rules(node: dict) -> list[dict]:
    """Every rule of the grammar, depth first."""
    found = [node]
    for child in node.get("patterns", []):
        found += _rules(child)
    return found


ALL_RULES = [rule for root in [GRAMMAR, *GRAMMAR["repository"].values()] for rule in _rules(root)]


@pytest.mark.parametrize("key", ["match", "begin", "end"])
def test_every_regex_compiles_with_python_re(key):
    regexes = [rule[key] for rule in ALL_RULES if key in rule]
    assert regexes, key
    for regex in regexes:
        re.compile(regex)


def test_includes_resolve_and_scopes_end_with_the_language():
    for rule in ALL_RULES:
        if rule is GRAMMAR:  # its `name` is the display name, not a scope
            continue
        if "include" in rule:
            assert rule["include"].startswith("#") and rule["include"][1:] in GRAMMAR["repository"]
        names = [rule.get("name")] + [capture["name"] for field in ("captures", "beginCaptures", "endCaptures")
                                      for capture in rule.get(field, {}).values()]
        for name in filter(None, names):
            assert name.endswith(".segquery"), name


def _flatten(patterns: list[dict]) -> list[dict]:
    leaves = []
    for pattern in patterns:
        if "include" in pattern:
            target = GRAMMAR["repository"][pattern["include"][1:]]
            leaves += _flatten([target] if ("match" in target or "begin" in target) else target["patterns"])
        else:
            leaves.append(pattern)
    return leaves


def tokenize_line(line: str) -> list[tuple[str, str]]:
    """A small TextMate engine for one line: at each point the rule whose match
    starts first wins (the earlier rule on ties); begin/end rules end at their
    `end`, which is looked for after the inner rules' matches."""
    top = _flatten(GRAMMAR["patterns"])
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(line):
        matches = [(match.start(), order, rule, match) for order, rule in enumerate(top)
                   if (match := re.compile(rule.get("match") or rule["begin"]).search(line, position))]
        if not matches:
            break
        _, _, rule, match = min(matches, key=lambda item: (item[0], item[1]))
        if "match" in rule and "captures" in rule:
            tokens += [(match.group(int(group)), capture["name"]) for group, capture in rule["captures"].items()
                       if match.group(int(group))]
            position = match.end()
        elif "match" in rule:
            tokens.append((match.group(), rule["name"]))
            position = match.end()
        else:
            inner = _flatten(rule.get("patterns", []))
            cursor = match.end()
            while True:
                end = re.compile(rule["end"]).search(line, cursor)
                escape = min((found for pattern in inner
                              if (found := re.compile(pattern["match"]).search(line, cursor))),
                             key=lambda found: found.start(), default=None)
                if escape is not None and (end is None or escape.start() < end.start()):
                    cursor = escape.end()
                    continue
                break
            stop = end.end() if end is not None else len(line)
            tokens.append((line[match.start():stop], rule["name"]))
            position = stop
    return tokens


def test_grammar_scopes_a_query_line():
    line = ("PROFILE(contact, c).FILTER(c.age >= 18 && c.city contains 'Se\\'a' "
            "|| DATEDIFF(day, c.birthdate, DateTimeUtcNow()) < -1.5) UNION Segment(x) // note")
    assert tokenize_line(line) == [
        ("PROFILE", "keyword.control.source.segquery"),
        ("(", "punctuation.parenthesis.open.segquery"),
        ("contact", "variable.other.segquery"),
        (",", "punctuation.separator.comma.segquery"),
        ("c", "variable.other.segquery"),
        (")", "punctuation.parenthesis.close.segquery"),
        (".", "punctuation.accessor.segquery"),
        ("FILTER", "keyword.control.step.segquery"),
        ("(", "punctuation.parenthesis.open.segquery"),
        ("c", "variable.other.object.segquery"),
        (".", "punctuation.accessor.segquery"),
        ("age", "variable.other.property.segquery"),
        (">=", "keyword.operator.comparison.segquery"),
        ("18", "constant.numeric.segquery"),
        ("&&", "keyword.operator.logical.segquery"),
        ("c", "variable.other.object.segquery"),
        (".", "punctuation.accessor.segquery"),
        ("city", "variable.other.property.segquery"),
        ("contains", "keyword.operator.string.segquery"),
        ("'Se\\'a'", "string.quoted.single.segquery"),
        ("||", "keyword.operator.logical.segquery"),
        ("DATEDIFF", "support.function.builtin.segquery"),
        ("(", "punctuation.parenthesis.open.segquery"),
        ("day", "constant.language.date-part.segquery"),
        (",", "punctuation.separator.comma.segquery"),
        ("c", "variable.other.object.segquery"),
        (".", "punctuation.accessor.segquery"),
        ("birthdate", "variable.other.property.segquery"),
        (",", "punctuation.separator.comma.segquery"),
        ("DateTimeUtcNow", "support.function.builtin.segquery"),
        ("(", "punctuation.parenthesis.open.segquery"),
        (")", "punctuation.parenthesis.close.segquery"),
        (")", "punctuation.parenthesis.close.segquery"),
        ("<", "keyword.operator.comparison.segquery"),
        ("-", "keyword.operator.arithmetic.segquery"),
        ("1.5", "constant.numeric.segquery"),
        (")", "punctuation.parenthesis.close.segquery"),
        ("UNION", "keyword.operator.set.segquery"),
        ("Segment", "keyword.control.source.segquery"),
        ("(", "punctuation.parenthesis.open.segquery"),
        ("x", "variable.other.segquery"),
        (")", "punctuation.parenthesis.close.segquery"),
        ("//", "punctuation.definition.comment.segquery"),
    ]


def test_grammar_scopes_a_real_time_line():
    line = "Profile(contact).RelateOptional(contact_customer_accounts, a).FILTER(a.industrycode in [16, 24])"
    assert tokenize_line(line) == [
        ("Profile", "keyword.control.source.segquery"),
        ("(", "punctuation.parenthesis.open.segquery"),
        ("contact", "variable.other.segquery"),
        (")", "punctuation.parenthesis.close.segquery"),
        (".", "punctuation.accessor.segquery"),
        ("RelateOptional", "keyword.control.step.segquery"),
        ("(", "punctuation.parenthesis.open.segquery"),
        ("contact_customer_accounts", "variable.other.segquery"),
        (",", "punctuation.separator.comma.segquery"),
        ("a", "variable.other.segquery"),
        (")", "punctuation.parenthesis.close.segquery"),
        (".", "punctuation.accessor.segquery"),
        ("FILTER", "keyword.control.step.segquery"),
        ("(", "punctuation.parenthesis.open.segquery"),
        ("a", "variable.other.object.segquery"),
        (".", "punctuation.accessor.segquery"),
        ("industrycode", "variable.other.property.segquery"),
        ("in", "keyword.operator.in.segquery"),
        ("[", "punctuation.section.brackets.begin.segquery"),
        ("16", "constant.numeric.segquery"),
        (",", "punctuation.separator.comma.segquery"),
        ("24", "constant.numeric.segquery"),
        ("]", "punctuation.section.brackets.end.segquery"),
        (")", "punctuation.parenthesis.close.segquery"),
    ]
    # `in` not before a list is a name, as in outbound queries.
    assert tokenize_line("in == 1")[0] == ("in", "variable.other.segquery")
    assert tokenize_line("RELATE (x, y)")[0] == ("RELATE", "keyword.control.step.segquery")


def test_grammar_words_that_are_not_calls_stay_names():
    # `date` and `count` are attributes unless `(` follows (product decision C.2).
    assert tokenize_line("date == count") == [
        ("date", "variable.other.segquery"),
        ("==", "keyword.operator.comparison.segquery"),
        ("count", "variable.other.segquery"),
    ]
    assert tokenize_line("Unknown (1) /* c */ 'open") == [
        ("Unknown", "entity.name.function.segquery"),
        ("(", "punctuation.parenthesis.open.segquery"),
        ("1", "constant.numeric.segquery"),
        (")", "punctuation.parenthesis.close.segquery"),
        ("/* c */", "comment.block.segquery"),
        ("'open", "string.quoted.single.segquery"),
    ]


def test_helix_languages_toml():
    config = tomllib.loads((REPO / "editors" / "helix" / "languages.toml").read_text())
    [language] = config["language"]
    assert language["name"] == "segquery"
    assert language["file-types"] == ["segq"]
    assert language["language-servers"] == ["segquery"]
    assert config["language-server"]["segquery"] == {"command": "segquery", "args": ["lsp"]}


def test_neovim_snippet_starts_the_server_for_segq_files():
    lua = (REPO / "editors" / "neovim" / "segquery.lua").read_text()
    assert "segq = 'segquery'" in lua
    assert "cmd = { 'segquery', 'lsp' }" in lua
    assert "vim.lsp.start" in lua


def test_every_semantic_token_type_is_standard_or_declared():
    from lsprotocol import types

    from segquery.ide.semantic_tokens import TOKEN_TYPES

    standard = {kind.value for kind in types.SemanticTokenTypes}
    declared = {item["id"]: item["superType"]
                for item in load(VSCODE / "package.json")["contributes"]["semanticTokenTypes"]}
    assert set(declared) == set(TOKEN_TYPES) - standard
    assert set(declared.values()) <= standard
