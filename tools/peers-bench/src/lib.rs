//! Empty: this package holds only the `peers` benchmark.
