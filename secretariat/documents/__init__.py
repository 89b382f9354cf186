"""The report objects the official documents are written from: plain, frozen, in Indonesian.

One query per document; the PDF and Excel writers in `exports/`, the command line and the
screens all take the same object. `letterhead` is the kop and page settings every document
is printed with; `joint_commitment` the lembar komitmen bersama a meeting's signatories sign.
Every letter shares `signer` (who signs, a.n./u.b./Plt./Plh., the office head as default)
and `letter_parts` (Sifat, the blank Nomor, the addressee by office title, Tembusan); their
PDF blocks are `exports/pdf/signer_block.py` and `letter_blocks.py`.
"""
