"""What the clerk sees first: the Beranda's attention lists, the search box, the first view.

`first_view` reads the home page's report with the standard sqlite3 before SQLAlchemy has
loaded; `attention_report` holds the shapes both readers fill.
"""
