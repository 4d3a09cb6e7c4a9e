"""Self-check quizzes for Markdown pages.

The core (parse once, validate, render, refuse raw HTML) is a Python-Markdown
extension, ``selfcheck.extension``; ``selfcheck.plugin`` is a thin MkDocs plugin
that hosts it and adds the assets, the site-wide checks and the settings.
"""

__version__ = "0.1.0"
