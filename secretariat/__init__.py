"""The application core: use cases over a database session, free of Qt."""

__version__ = "0.1.0"
