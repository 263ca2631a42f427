"""Personal data: Norwegian recognizers on presidio, pseudonyms and the referent's decisions."""
