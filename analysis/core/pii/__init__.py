"""Rule-based and model-based detectors of personal data (internal to ``analysis.core.redact``)."""
