"""Params files: the report model they load into, reading, writing (comments kept), paths and safe names, the new-year start."""
