"""WTForms forms rendered with the GOV.UK Frontend widgets."""
