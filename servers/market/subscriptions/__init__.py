"""Subscriptions: notifications (listed and streamed) and HMAC-signed webhooks with a delivery log."""
