"""The Komitmen page: every commitment of every meeting in one lazily loaded table."""
