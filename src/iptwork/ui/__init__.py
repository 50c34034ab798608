"""The desktop app: everything that imports PySide6 lives in this package.

`app.run_gui` is the composition root; the main window is thin and wires views, actions
and the open workbook (`document.Document`) together.
"""
