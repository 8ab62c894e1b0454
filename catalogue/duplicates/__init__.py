"""Duplicate profiles: suggested when a profile is created, imported or changed, merged by a moderator.

``suggestions.py`` finds them (the same registry number, or a similar name in the same
municipality), ``merge.py`` merges one into the other, ``viewsets.py`` is the moderators' admin.
"""
