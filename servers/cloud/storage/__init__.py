"""Object storage through the broker: one object written into a bucket of the caller's organisation's
provider account, through that provider's adapter (StorageService.WriteObject)."""
