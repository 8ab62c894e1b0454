"""Moderation of what arrives from outside (crawled funding calls, profiles kept by their owners):
the parts every moderated snippet shares, so that each domain states only its own words.

- ``tasks``: the workflow task whose actions say "Reject" and "Approve and publish";
- ``submit``: (re)starting an object's moderation workflow on its latest revision, refusing a
  workflow that would publish unreviewed;
- ``queue``: the querysets of the moderators' queue (waiting for a decision, sent back);
- ``decisions``: the admin's messages that say what a decision did, and the action menu's labels;
- ``changes``: the links to what an object's last revision changed.
"""
