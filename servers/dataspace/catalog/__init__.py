"""The data space catalog: DCAT datasets of organisations, each offered under ODRL policies."""
