"""Blueprints of the forum package; views only speak HTTP and call services."""
