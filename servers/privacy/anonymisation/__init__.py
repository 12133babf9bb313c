"""Anonymisation to k-anonymity (and ℓ-diversity): the privacy service's bounded context for it.

hierarchies.py generalises values (dates, number bands, Taiwan areas from
taiwan_areas.py and its shipped table), search.py finds the transformation
with the least information loss, engine.py applies it to a table. grpc-free.
"""
