"""The PySide6 review application. Talks to the engine (reviewer/) only through its public functions."""
