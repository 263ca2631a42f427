"""romnotat: reads, anonymises and analyses ROM learning notes."""

__version__ = "0.1.0"
