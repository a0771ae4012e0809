//! Tagging throughput (written by the gazetteer work).

fn main() {}
