"""Settings and security primitives."""
