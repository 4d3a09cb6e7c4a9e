"""The Content-Security-Policy on every finished page.

- ``theme_scripts.py``: the inline scripts the theme's own templates write, read from the templates
- ``policy.py``: scans a finished page, refuses any other inline script, event handler or
  ``javascript:`` link (naming the page and where it came from), and adds the policy <meta>
"""
