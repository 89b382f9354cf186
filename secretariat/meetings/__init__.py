"""Meetings (rakor): scheduling, agenda, minutes, attendance and the invitation letter.

`lifecycle` schedules a meeting and carries its minutes from draft to final; `attendance` the
lines of the daftar hadir; `invitations` the surat undangan, with its opening and closing
sentences per kind and Sifat in `invitation_wording`; `schedule_warnings` the holidays
and clashes a clerk is told of while scheduling; `instants` when a meeting starts and ends
on the clock the three zones share (what meetings are ordered and compared by).
"""
