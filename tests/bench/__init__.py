"""Tests for the benchmark helpers under bench/."""
