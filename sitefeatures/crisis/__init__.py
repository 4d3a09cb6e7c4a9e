"""Crisis lines: one data file (docs/_data/crisis-lines.yml), a clinic's changes in
``extra.crisis_overrides``, the region that leads (``extra.crisis_region``) and the
regions the bar shows (``extra.crisis_bar``).

- ``schema.py``: what a region and a line may hold, each value checked like a clinic's phone
- ``data.py``: reads the file, applies a clinic's overrides, orders the regions
- ``render.py``: the list on /get-help/ (the ``{{ crisis_lines }}`` marker)
"""
