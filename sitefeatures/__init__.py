"""The guide's own site features, one subpackage or module each.

- ``crisis/``: the crisis lines (data file, checks, a clinic's overrides, the /get-help/ list, the bar)
- ``clinic/``: a clinic's copy (settings, links for emails, print handouts, custom domain)
- ``glossary/``: glossary entries (tooltips, the A-Z page, keyboard focus for terms)
- ``review_dates.py``: "last reviewed / next review" on every page
- ``addresses.py``: ``{{ site_url }}``, ``{{ repo_url }}``, ``{{ issues_url }}`` in pages
- ``redirect_checks.py``: redirects that would lose a reader's section or hide a page
- ``csp/``: the Content-Security-Policy added to every finished page
- ``settings.py``: every setting under ``extra:`` in mkdocs.yml, checked once
- ``plugin.py``: the thin MkDocs plugin that calls the features at the right build events

Shared pieces (phone links, slugs, markers, settings errors) live in ``values.py``.
"""
