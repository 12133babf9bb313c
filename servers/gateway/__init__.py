"""The Connect gateway: browsers and HTTP clients call every served gRPC method (see app.py)."""
