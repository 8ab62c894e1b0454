"""The relay contact form of a profile, on the foundation's relay (``kreativ.relay``): a visitor
writes to the people who keep it without seeing their addresses, and they answer the visitor
directly (the e-mail's ``Reply-To``).

Limits per client and per recipient profile (a storm of messages to one profile stops at its
limit whoever sends it), a honeypot (a bot's message is answered as sent and goes nowhere). A
message that cannot go yet (a limit reached) comes back in the form, kept. Each message relayed is
logged for the action plan (``ContactLog``: the profile and the moment, the sender as a keyed
hash; never the message). A profile nobody keeps yet cannot be written to: the page says so and
offers to claim it (409).

The profile's page (``catalogue/includes/contact_form.html``) holds the form; it posts here, and
the answer is a page of its own.
"""

from __future__ import annotations

from catalogue.relay.target import ProfileRelay
from kreativ.relay.views import RelayView

contact = RelayView.as_view(target_class=ProfileRelay)
