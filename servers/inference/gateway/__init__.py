"""The Open Inference Protocol (KServe v2) gateway, served through the zero-trust chain."""
