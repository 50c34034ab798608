"""JSON and CSV import and export (SPEC.md, "JSON interchange" and "Command line").

`select_contents` decides what any export holds (filters, privacy, pseudonyms), so the
PDF builder can reuse it; `pseudonymize` holds the name replacement.
"""

from iptwork.interchange.csv_format import write_csv
from iptwork.interchange.errors import (
    ExportFileError,
    ImportFileNotFound,
    NewerExport,
    NotAnExport,
    UnknownPerson,
)
from iptwork.interchange.json_format import (
    ImportSummary,
    document_from_contents,
    export_document,
    import_file,
    parse_document,
    read_document,
    write_json,
)
from iptwork.interchange.pseudonymize import (
    Pseudonymizer,
    pseudonymize_contents,
    pseudonymizer_for,
)
from iptwork.interchange.selection import ExportOptions, select_contents

__all__ = [
    "ExportFileError",
    "ExportOptions",
    "ImportFileNotFound",
    "ImportSummary",
    "NewerExport",
    "NotAnExport",
    "Pseudonymizer",
    "UnknownPerson",
    "document_from_contents",
    "export_document",
    "import_file",
    "parse_document",
    "pseudonymize_contents",
    "pseudonymizer_for",
    "read_document",
    "select_contents",
    "write_csv",
    "write_json",
]
