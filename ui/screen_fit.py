"""Windows that fit the screen they open on.

The offices' laptops have 1366×768 screens, less a 40-pixel taskbar; a window sized for a
large monitor (or restored from one) would open with its buttons below the screen's edge,
where a clerk cannot reach them. Every top-level window and dialog goes through
`fit_to_screen`: at most the available geometry of its screen, title bar included, and
moved back inside it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# A Windows title bar and borders, counted until the window's real frame is known (before
# it is first shown the frame is still zero, and offscreen it stays zero).
FRAME_WIDTH = 16
FRAME_HEIGHT = 40


def available_room(window: QWidget) -> QRect:
    """The part of the window's screen (or its parent's) not taken by taskbars."""
    screen = window.screen()
    parent = window.parentWidget()
    if parent is not None and not window.isVisible():
        # A dialog opens on its parent's screen. QWidget.window itself: a widget may keep an
        # attribute of that name (the commitment page keeps its open window there).
        screen = QWidget.window(parent).screen() or screen
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _frame(window: QWidget) -> QSize:
    frame, inner = window.frameGeometry(), window.geometry()
    return QSize(max(FRAME_WIDTH, frame.width() - inner.width()),
                 max(FRAME_HEIGHT, frame.height() - inner.height()))


def fit_to_screen(window: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Give the window this size (its present size when not given), or less where the
    screen is smaller, and move it so that its frame lies inside the screen. The window's
    own minimum still holds: a layout that cannot shrink shows up in the tests."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return  # the system already fits it
    room = available_room(window)
    frame = _frame(window)
    width = min(width or window.width(), room.width() - frame.width())
    height = min(height or window.height(), room.height() - frame.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
    keep_inside(window, room)


def keep_inside(window: QWidget, room: QRect | None = None) -> None:
    """Move the window, frame and all, inside the room (the screen's free part)."""
    room = room or available_room(window)
    frame = _frame(window)
    outer_width, outer_height = window.width() + frame.width(), window.height() + frame.height()
    position = window.frameGeometry().topLeft()
    x = max(room.left(), min(position.x(), room.right() + 1 - outer_width))
    y = max(room.top(), min(position.y(), room.bottom() + 1 - outer_height))
    if (x, y) != (position.x(), position.y()):
        window.move(x, y)


def centre_on_screen(window: QWidget) -> None:
    """Put the window in the middle of its screen's free part."""
    room = available_room(window)
    frame = _frame(window)
    window.move(room.left() + max(0, (room.width() - window.width() - frame.width()) // 2),
                room.top() + max(0, (room.height() - window.height() - frame.height()) // 2))
