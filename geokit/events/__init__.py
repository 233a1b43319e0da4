"""Stage 3, events: what happened where and when, who moved from where to where, linked across reports.

``sentences`` splits a report; ``counts`` reads figures; ``triggers`` holds the trigger rules per
event type; ``placerefs`` turns toponyms into the places events cite; ``extract`` reads each
sentence's events, movements and facts from a parsed ``Document`` (the parser is passed in or the
default one is used); ``linking`` merges reports of the same occurrence, keeping every source's figures.
"""
