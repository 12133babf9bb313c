"""Contract negotiation (Dataspace Protocol), agreements, usage control and the usage log."""
