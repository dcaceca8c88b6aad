// Progress: this layer is being built; see the issue that owns it.
