"""What the public sees of the catalogue: the faceted catalogue page, profile pages, their feed,
sitemap entries and JSON-LD, the open data, and the actors listed on a hub's page."""
