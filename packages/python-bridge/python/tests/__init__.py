"""Unit and end-to-end tests of snakepit_worker (standard-library unittest only)."""
