"""mock-interview: practise job interviews offline, in the terminal."""

__version__ = "0.1.0"
