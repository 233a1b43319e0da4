"""Stage 3, events: what happened where and when, who moved from where to where, linked across reports.

``sentences`` splits a report; ``counts`` reads figures; ``triggers`` loads the trigger rules (data
files in ``rules/``: ``triggers.toml``, plus user files via ``add_rule_file``, the
``GEOKIT_EVENT_RULES`` variable or ``geokit events --rules``); ``acled`` gives ACLED's classes;
``causes`` tells disease, hazards and accidents from violence (``rules/causes.toml``); ``placerefs``
turns toponyms into the places events cite; ``reader`` reads each sentence's events, movements and
facts; ``extract`` runs it over parsed ``Document``s (raw texts are parsed by the parsing stage) and
dates undated records by their report; ``linking`` merges reports of the same occurrence, keeping
every source's figures.
"""
