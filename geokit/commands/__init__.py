"""One module per ``geokit`` subcommand; each exposes ``register(subparsers)``."""
