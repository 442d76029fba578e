"""Domain services: plain functions over the models, no request handling."""
