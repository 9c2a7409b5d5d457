"""Runners: the same pipeline in this process, in local worker processes, or on Ray;
the same records out of each, written by one writer."""
