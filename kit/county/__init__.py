"""The county office: roll-up data, the summary notebook's API, the review bundle, making a county-year's roll-up."""
