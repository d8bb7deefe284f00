"""Reading what communes send: documents (text, Word, PDF, old .doc), the reader of free text,
structured session reports (YAML), and the import plan an officer reviews before it is stored.
"""
