"""Scale: the Parquet feature store, building it over local processes or a Dask cluster, DuckDB queries over it."""
