"""The report objects the official documents are written from: plain, frozen, in Indonesian.

One query per document; the PDF and Excel writers in `exports/`, the command line and the
screens all take the same object. `letterhead` is the kop and page settings every document
is printed with; `joint_commitment` the lembar komitmen bersama a meeting's signatories sign.
"""
