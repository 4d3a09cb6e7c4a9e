"""The glossary: every term defined once in docs/_snippets/glossary.md.

- ``entries.py``: reads and checks the file; the A-Z list on /glossary/ (``{{ glossary }}``)
- ``focus.py``: a Markdown extension giving the first use of each term keyboard focus
"""
