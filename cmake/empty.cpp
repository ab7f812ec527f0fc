// Keeps a library target non-empty while its layer is being written.
