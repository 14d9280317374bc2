"""`python -m segquery_lsp`: the language server over standard input and output."""

from segquery_lsp.main import main

if __name__ == "__main__":
    main()
