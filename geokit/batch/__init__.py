"""On top of the stages: collections, the main job, and clusters.

``inputs`` reads documents (text files, folders, globs, JSONL, Parquet, stdin); ``tasks`` are what a
worker does with one document; ``pool`` runs them in this process or a process pool; ``run`` streams a
collection through a runner into ``sinks`` (JSONL, GeoParquet), resumable, with an errors file;
``link`` links a batch's events; ``dask`` runs the same tasks on a Dask cluster; ``rollup`` counts
records per admin area and week; ``mainjob`` is ``geokit demo`` (reports -> outputs/ with the map).
"""
