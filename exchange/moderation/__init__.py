"""The exchange's moderation, on the foundation's ``kreativ.moderation``: the admin's viewsets
under "Exchange", the listing's filters, the decisions' messages and the dashboard panel."""
