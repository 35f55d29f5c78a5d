"""`planctl import`: turn a Word (.docx) or text document into a draft plan.

reader (lines with their places) → furniture (page numbers, contents) → notice (印发通知
head and 版记) → title (title, period, preamble) → body and numbering (the outline) →
owners, deadlines_text, tables, tasks and build (sections and tasks) → units_match →
writer (YAML with the unplaced lines as comments). `service.run_import` ties them
together for the command line.
"""
