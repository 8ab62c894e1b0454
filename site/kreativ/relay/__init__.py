"""The relay contact form: a visitor writes to the people behind something public (a profile of
the catalogue, a listing of the exchange) without seeing their addresses, and they answer the
visitor directly (the e-mail's ``Reply-To``).

It exists once, here, because every domain that lets strangers write to someone needs the same
defences and the same records: no address shown, limits per client and per recipient
(``kreativ.public_forms``), a honeypot, a count of each contact for the action plan with its
personal data anonymised after 24 months, and, where a domain asks for it, the sender's address
confirmed by a signed link the first time.

- ``targets``: ``RelayTarget``, what a domain provides about what is contacted (its recipients and
  their languages, a label, its public address, where each contact is logged, its templates and
  limits);
- ``forms``: ``RelayForm``, the visitor's name, address and message, and the trap;
- ``sending``: the message e-mailed to each recipient, the sender's pseudonym, the log;
- ``confirmation``: the first message of an unconfirmed sender held until they open their link;
- ``views``: ``RelayView`` (the form's page and its answer) and the confirmation link's page;
- ``retention``: anonymising a domain's log, forgetting held messages and confirmed senders.

The templates are ``templates/relay/``; ``{% relay_form %}`` (``templatetags/relay_tags.py``)
gives a page the form to render.
"""
