"""Serving backends: where deployed versions run (NVIDIA Triton, embedded or a cluster)."""
