"""Signals the forum sends so packages above it can react without forum importing them."""
from blinker import Namespace

_signals = Namespace()

# Sent with the Member as sender after their consent changes (erased=False), or just
# before they are erased (erased=True). Receivers must not commit; the sender does. A
# receiver that takes the member's quotes out of drafts returns how many (an int), so a
# withdrawal can say so; any other receiver returns None.
consent_changed = _signals.signal("consent-changed")

# Sent with the User as sender when an admin disables them (keyword: acting, the admin), before
# the change is committed. Receivers must not commit; each returns a plain-English note of what
# it did (or None), shown to the admin.
user_disabled = _signals.signal("user-disabled")
