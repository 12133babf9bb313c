"""Service providers (vendors) and their offers for projects; matching a need against both."""
