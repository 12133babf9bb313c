"""Project health: a Scorecard-like subset computed from what the platform knows, with evidence."""
