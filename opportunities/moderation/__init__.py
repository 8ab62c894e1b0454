"""Moderating calls: the admin's viewsets, the source panel, the dashboard, merging duplicates.

Moderation itself is Wagtail's workflow on the ``FundingCall`` snippet; this package is what the
moderators see and do around it.
"""
