#!/usr/bin/python3
"""a11y-texts.py NAME — waits for the application NAME on the accessibility bus
and prints every name and text in its accessible tree, one per line."""
import sys, time, pyatspi
name = sys.argv[1]
deadline = time.time() + 30
def walk(acc, out, depth=0):
    if acc is None or depth > 60: return
    try:
        n = acc.name
        if n: out.append(n)
        try:
            t = acc.queryText()
            s = t.getText(0, -1)
            if s: out.append(s)
        except Exception: pass
        for i in range(acc.childCount):
            walk(acc.getChildAtIndex(i), out, depth + 1)
    except Exception: pass
while time.time() < deadline:
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name and name in app.name:
            out = []
            walk(app, out)
            if len(out) > 3:
                print("\n".join(out)); sys.exit(0)
    time.sleep(0.5)
print("no window found", file=sys.stderr); sys.exit(1)
