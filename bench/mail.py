"""An e-mail backend for benchmarks: builds every message's bytes (as SMTP would) and drops them."""

from django.core.mail.backends.base import BaseEmailBackend


class SerialisingBackend(BaseEmailBackend):
    sent = 0
    size = 0

    def send_messages(self, email_messages):
        for message in email_messages:
            SerialisingBackend.size += len(message.message().as_bytes())
            SerialisingBackend.sent += 1
        return len(email_messages)
