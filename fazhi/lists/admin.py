"""No admin for the lists: an item changes only through an adjustment
(`services.apply_adjustment`), so that the history stays complete and the lists on any
day can be recomputed. The vocabulary (list kinds, power types) is in rules.py."""
