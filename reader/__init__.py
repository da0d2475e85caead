"""breachdesk's command line and Textual reader. Only calls `index` and `corpus`."""

__version__ = "0.1.0"
