"""Tests that span the apps: the browser stories, the DDAS deliveries, the committed OpenAPI."""
