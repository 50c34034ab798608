"""Pure pattern computations over workbook records, and the charts drawn from them.

Nothing here touches the database or Qt. `filters`, `patterns`, `summary` and `stats` never
import matplotlib, so `iptwork stats` starts quickly; only `charts` (and the constants in
`theme`) deal with drawing, and `charts` is imported when a chart is first wanted.
"""
