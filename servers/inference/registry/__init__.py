"""The model registry: models, versions, evaluation sets and long-running operations."""
