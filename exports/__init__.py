"""Exports: consultation response drafts and their renderers (PDF, Word, data files, Easy Read)."""
