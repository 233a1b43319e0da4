"""``geokit bench``: speed and memory figures measured on this machine.

Each module here exposes ``run(quick: bool = False) -> dict`` returning named figures;
``geokit bench`` runs them (or those named) and prints a table.
"""
