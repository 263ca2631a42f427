"""The romnotat web service: storage, review flow, policy queries and batch reprocessing."""
