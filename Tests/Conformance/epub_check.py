#!/usr/bin/env python3
"""Builds a site's EPUB book twice and judges it: epubcheck must report no
fatal error, no error and no warning; the two builds must be byte-identical;
the container and the package document's metadata are inspected after
unzipping. epubcheck missing is a failure, never a skip.

    epub_check.py --publish .build/debug/publish --source examples/site \
        [--book book.epub] [--title T] [--language L] [--chapters N]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

JAR = os.environ.get("EPUBCHECK_JAR", "/usr/share/java/epubcheck.jar")
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}


def fail(message):
    print(f"epub_check: {message}", file=sys.stderr)
    sys.exit(1)


def build(publish, source, output):
    result = subprocess.run([publish, "build", "--source", source, "--output", output, "--format", "epub", "--quiet"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"publish build failed ({result.returncode}):\n{result.stderr}")


def epubcheck(book):
    if shutil.which("java") is None:
        fail("java is missing: run `make test-deps` (Debian packages default-jre-headless and epubcheck)")
    if not os.path.isfile(JAR):
        fail(f"{JAR} is missing: run `make test-deps` (Debian package epubcheck), or set EPUBCHECK_JAR")
    result = subprocess.run(["java", "-jar", JAR, book], capture_output=True, text=True)
    report = result.stdout + result.stderr
    found = re.search(r"Messages: (\d+) fatals / (\d+) errors / (\d+) warnings", report)
    if not found:
        fail(f"epubcheck gave no summary:\n{report}")
    fatals, errors, warnings = map(int, found.groups())
    if result.returncode != 0 or fatals or errors or warnings:
        fail(f"epubcheck: {fatals} fatals, {errors} errors, {warnings} warnings in {book}:\n{report}")
    return found.group(0)


def inspect(book, args):
    with zipfile.ZipFile(book) as archive:
        entries = archive.infolist()
        first = entries[0]
        if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED or first.extra:
            fail("the first entry is not an uncompressed `mimetype` without extra fields")
        if archive.read("mimetype") != b"application/epub+zip":
            fail("mimetype does not say application/epub+zip")
        container = ET.fromstring(archive.read("META-INF/container.xml"))
        rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile").get("full-path")
        package = ET.fromstring(archive.read(rootfile))
        folder = os.path.dirname(rootfile)
        metadata = package.find("opf:metadata", NS)
        text = lambda tag: [element.text or "" for element in metadata.findall(tag, NS)]
        identifier = text("dc:identifier")
        if len(identifier) != 1 or not re.fullmatch(
                r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", identifier[0]):
            fail(f"the identifier is not one name-based urn:uuid: {identifier}")
        modified = [m.text for m in metadata.findall("opf:meta", NS) if m.get("property") == "dcterms:modified"]
        if len(modified) != 1 or not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", modified[0]):
            fail(f"dcterms:modified is not one UTC time: {modified}")
        for tag, expected in (("dc:title", args.title), ("dc:language", args.language)):
            values = text(tag)
            if len(values) != 1 or not values[0] or (expected and values[0] != expected):
                fail(f"{tag} is {values}, expected {expected or 'one value'}")
        names = {entry.filename for entry in entries}
        items = package.findall("opf:manifest/opf:item", NS)
        for item in items:
            if os.path.join(folder, item.get("href")) not in names:
                fail(f"the manifest lists {item.get('href')}, which is not in the archive")
        chapters = [item for item in items if re.fullmatch(r"chapter-\d+\.xhtml", item.get("href"))]
        if args.chapters is not None and len(chapters) != args.chapters:
            fail(f"{len(chapters)} chapters, expected {args.chapters}")
        return len(chapters), modified[0], identifier[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--publish", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--book", default="book.epub")
    parser.add_argument("--title")
    parser.add_argument("--language")
    parser.add_argument("--chapters", type=int)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        books = []
        for run in ("first", "second"):
            build(args.publish, args.source, os.path.join(scratch, run))
            books.append(os.path.join(scratch, run, args.book))
        contents = [open(book, "rb").read() for book in books]
        if contents[0] != contents[1]:
            fail("two builds of the same site gave different bytes")
        summary = epubcheck(books[0])
        chapters, modified, identifier = inspect(books[0], args)
        print(f"epubcheck {args.source}: {chapters} chapters, {summary.lower()}; "
              f"two builds byte-identical ({len(contents[0])} bytes); {identifier}, modified {modified}")


if __name__ == "__main__":
    main()
