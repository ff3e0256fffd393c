"""Bringing officers' copies of one case back together through their audit logs (see engine)."""
