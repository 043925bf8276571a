//! Full-text search over briefings (being written).
