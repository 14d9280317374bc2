"""`python -m segquery.lsp`: the language server over standard input and output."""

from segquery.lsp.main import main

if __name__ == "__main__":
    main()
