"""Turning files into documents: loaders, metadata, boilerplate removal, quotes and figures.

Pure functions over text; nothing here touches the index or the screen.
"""

from corpus.document import Aside, Document, LoadError

__all__ = ["Aside", "Document", "LoadError"]
