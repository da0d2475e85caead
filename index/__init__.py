"""The Whoosh index: schema, incremental writing, searching and cross-reference queries.

All whoosh imports stay inside this package.
"""
