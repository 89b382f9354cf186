"""Commitments agreed at meetings and every follow-up until each is done.

`recording` writes commitments, `queries` and `rows` read them as lists, `follow_ups` and
`evidence` record each step with its proof, `status` holds the rules of the BPK states,
`progress` the chairs' figures, `catalog` the lists they are classified by, `request_letters`
the letter asking an agency for progress, `workbook_import` a matrix kept in Excel,
`signatories` who signs each commitment.
"""
