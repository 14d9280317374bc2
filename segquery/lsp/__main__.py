"""`python -m segquery.lsp`: the language server, with the options of `segquery lsp`."""

from segquery.cli.lsp_cmd import lsp_command

if __name__ == "__main__":
    lsp_command(prog_name="python -m segquery.lsp")
