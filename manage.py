#!/usr/bin/env python
"""Django's manage.py; `planwatch` does the same once installed."""

from planwatch.cli import main

if __name__ == "__main__":
    main()
