"""Verified-purchase ratings of providers: checked through procurement, anchored on the ledger."""
