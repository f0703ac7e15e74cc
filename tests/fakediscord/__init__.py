"""A loopback Discord-protocol server (REST and gateway) for tests and benchmarks, and a harness
that runs the real bot against it."""

from .server import ALL_PERMISSIONS, EPHEMERAL, MANAGE_GUILD, FakeDiscord, Recorded, Reply

__all__ = ["ALL_PERMISSIONS", "EPHEMERAL", "MANAGE_GUILD", "FakeDiscord", "Recorded", "Reply"]
