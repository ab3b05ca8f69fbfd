"""Building reports: plan, one job, incremental skip, backends (in-process, worker pool, Dask), status, index page, roll-ups after a build."""
