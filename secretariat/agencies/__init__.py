"""The member agencies: the register, their contact people and seats, regions and provinces.

`register` creates, edits and archives agencies; `contacts` keeps their people and their seats
in task forces; `regions` the provinces and kabupaten/kota with their task forces; `provinces`
Kemendagri's list; `workbook_import` brings in a register a secretariat kept in Excel.
"""
