"""Survey forms (GOV.UK widgets)."""
