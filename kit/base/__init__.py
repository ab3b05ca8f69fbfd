"""The bottom layer: problems (what the validator finds), the user-facing error base class and
atomic file writes. It imports nothing else of the kit."""
