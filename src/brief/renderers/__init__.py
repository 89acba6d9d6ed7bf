"""Renderers: each lays out the same view records for one destination.

``plain`` (pipes, ``NO_COLOR``), ``terminal`` (rich), ``markdown`` and ``jsondoc``.
Only ``terminal`` imports rich; import each module only when its format is asked for.
"""
