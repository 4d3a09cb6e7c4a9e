"""A clinic's own copy of the guide.

- ``settings.py``: ``extra.clinic`` (name, url, phone, email, logo), checked once
- ``links.py``: every page and section address on /for-clinics/ (the ``{{ clinic_links }}`` marker)
- ``handout.py``: printed handouts (link addresses after links, a QR code back to the page)
- ``domain.py``: a CNAME file when the site has a custom domain
- ``placeholders.py``: the clinic's name and phone in the welcome email, the About page's "who runs this copy"
"""
