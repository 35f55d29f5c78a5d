"""Word's building blocks for the docx writer: OOXML parts, GB/T 9704 styles, tables."""
