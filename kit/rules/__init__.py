"""The validator: one pure function returning every problem of a loaded report (tables, text, 同比)."""
