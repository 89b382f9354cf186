"""The navigation's own drawings: each one is found, is valid SVG and draws something."""

from __future__ import annotations

from importlib.resources import files

from ui.icons import _ICONS, icon


def test_every_drawn_icon_belongs_to_a_name_and_paints_pixels(qtbot):
    drawn = sorted(path.name.removesuffix(".svg")
                   for path in (files("resources") / "icons").iterdir()
                   if path.name.endswith(".svg"))
    assert {"home", "meetings", "commitments", "progress", "agencies", "task_forces",
            "documents", "settings"} <= set(drawn)
    for name in drawn:
        assert name in _ICONS, f"{name}.svg is named by no icon"
        image = icon(name).pixmap(24, 24).toImage()
        assert not image.isNull(), name
        painted = sum(1 for x in range(image.width()) for y in range(image.height())
                      if image.pixelColor(x, y).alpha() > 0)
        assert painted > 20, f"{name}.svg draws (almost) nothing"
