"""The record as one JSON document: export it (export), import it (importer, on rows), load the seed
data with it; source texts come from seeds/ only (seed_files). `from geo.exchange import X` names
any of them."""
from .export import FORMAT, export_document
from .importer import PUBLISH_PERMISSION, Imported, ImportError_, check_publisher, import_document, import_seed
from .seed_files import seed_file_path, seed_text

__all__ = [
    "FORMAT", "PUBLISH_PERMISSION", "ImportError_", "Imported", "check_publisher", "export_document",
    "import_document", "import_seed", "seed_file_path", "seed_text",
]
