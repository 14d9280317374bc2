"""`python -m segquery` runs the command line."""

from segquery.cli import main

if __name__ == "__main__":
    main()
