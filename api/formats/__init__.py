"""File formats the API writes beyond JSON and CSV: GeoPackage and FlatGeobuf (through GDAL, gdal),
KML (kml) and ACLED-shaped CSV (acled)."""
