"""Reading what was published: portal pages, Word, PDF and text, back into the official format."""
