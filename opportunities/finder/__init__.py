"""Finding calls: the public finder's search, its in-memory facet index and page cache, the call
pages' structured data, feeds and calendars, and what other pages show of the radar.
"""
