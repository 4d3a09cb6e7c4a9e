"""Settings for the MkDocs plugin (``plugins: [selfcheck]`` in mkdocs.yml)."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SelfCheckConfig(Config):
    """``enabled: false`` turns off assets and site-wide checks; quizzes listed as a
    Markdown extension still render (for readers without JavaScript)."""

    enabled = c.Type(bool, default=True)
    #: Where the CSS and JavaScript are published, relative to the site root.
    assets_dir = c.Type(str, default="assets/selfcheck")
    #: Publish the assets minified (set false to debug them).
    minify = c.Type(bool, default=True)
    #: A file of published addresses ('/page/#quiz-id' lines): when two quizzes share an
    #: id, the one not listed there is the one the build tells the author to rename.
    published = c.Optional(c.File(exists=True))
