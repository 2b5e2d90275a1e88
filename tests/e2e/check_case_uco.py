#!/usr/bin/python3
"""Reads a CASE/UCO export as RDF (rdflib's JSON-LD parser, Debian's python3-rdflib) and checks
what an ingesting tool relies on; prints one problem per line and exits 1 if there is any.

usage: check_case_uco.py EXPORT.jsonld FILES SHA256...
  FILES     how many uco-observable:File nodes there must be
  SHA256... digests that must each appear as a typed SHA256 hash of some File
"""
import sys

import rdflib
from rdflib.namespace import RDF, XSD

OBS = rdflib.Namespace("https://ontology.unifiedcyberontology.org/uco/observable/")
CORE = rdflib.Namespace("https://ontology.unifiedcyberontology.org/uco/core/")
TYPES = rdflib.Namespace("https://ontology.unifiedcyberontology.org/uco/types/")
VOCAB = rdflib.Namespace("https://ontology.unifiedcyberontology.org/uco/vocabulary/")


def main() -> int:
    path, want_files, want_sha256 = sys.argv[1], int(sys.argv[2]), set(sys.argv[3:])
    g = rdflib.Graph()
    g.parse(path, format="json-ld")
    problems = []
    blank = {s for s in g.subjects() if isinstance(s, rdflib.BNode)}
    if blank:
        problems.append(f"{len(blank)} blank nodes (every node should have an @id)")
    files = set(g.subjects(RDF.type, OBS.File))
    if len(files) != want_files:
        problems.append(f"{len(files)} uco-observable:File nodes, expected {want_files}")
    seen_sha256 = set()
    for f in files:
        facets = set(g.objects(f, CORE.hasFacet))
        kinds = {t for facet in facets for t in g.objects(facet, RDF.type)}
        if OBS.FileFacet not in kinds:
            problems.append(f"{f}: no FileFacet")
        for facet in facets:
            if (facet, RDF.type, OBS.ContentDataFacet) not in g:
                continue
            for h in g.objects(facet, OBS.hash):
                method = g.value(h, TYPES.hashMethod)
                value = g.value(h, TYPES.hashValue)
                if (h, RDF.type, TYPES.Hash) not in g:
                    problems.append(f"{h}: not a uco-types:Hash")
                if not isinstance(method, rdflib.Literal) or method.datatype != VOCAB.HashNameVocab:
                    problems.append(f"{h}: hashMethod not typed HashNameVocab")
                if not isinstance(value, rdflib.Literal) or value.datatype != XSD.hexBinary:
                    problems.append(f"{h}: hashValue not typed xsd:hexBinary")
                    continue
                try:
                    bytes.fromhex(str(value))
                except ValueError:
                    problems.append(f"{h}: hashValue {value!s} is not hexadecimal")
                if str(method) == "SHA256":
                    seen_sha256.add(str(value).lower())
    for digest in sorted(want_sha256 - seen_sha256):
        problems.append(f"SHA256 {digest} not found")
    for p in problems[:50]:
        print(p)
    print(f"{len(g)} triples, {len(files)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
