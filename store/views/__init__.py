"""What is made from the store for people: the overview of communes, the presenter's slides,
and exports (Markdown, Word minutes, the Excel tracking table).
"""
