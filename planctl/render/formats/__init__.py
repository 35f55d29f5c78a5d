"""One module per output format of `planctl render`, each writing documents as bytes.

`planctl.render.writers` says which document each module writes and imports it on first use.
"""
