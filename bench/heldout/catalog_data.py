"""The held-out catalog's vocabulary: finishes, colours, brands and, per leaf category, title and
description templates with price ranges, one file per group of departments. make-catalog.py draws
the products from it."""
from catalog_common import *  # noqa: F401,F403
from catalog_plumbing import CATEGORIES as _PLUMBING
from catalog_electrical import CATEGORIES as _ELECTRICAL
from catalog_tools_paint import CATEGORIES as _TOOLS_PAINT
from catalog_flooring_hardware import CATEGORIES as _FLOORING_HARDWARE
from catalog_garden import CATEGORIES as _GARDEN

CATEGORIES = _PLUMBING + _ELECTRICAL + _TOOLS_PAINT + _FLOORING_HARDWARE + _GARDEN
