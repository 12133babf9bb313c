"""One-click trials: templates published per project, trials provisioned through the cloud broker."""
