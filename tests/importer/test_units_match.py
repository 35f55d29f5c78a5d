"""Units named in a document, matched against the unit registry."""

from __future__ import annotations

from planctl.importer.units_match import Replacement, match_units
from planctl.units import UnitRegistry

REGISTRY = UnitRegistry.from_data(
    {
        "units": [
            {"name": "市发展改革局", "aliases": ["市发改局"], "full_name": "肇庆市发展和改革局"},
            {"name": "市财政局"},
        ],
        "groups": [{"name": "各县（市、区）人民政府", "members": ["端州区人民政府"]}],
    }
)


def test_registered_names_and_groups_are_kept() -> None:
    matches = match_units(["市财政局", "各县（市、区）人民政府"], REGISTRY)
    assert matches.known == ["市财政局", "各县（市、区）人民政府"]
    assert not matches.replaced and not matches.unknown


def test_aliases_and_full_names_become_the_registered_name() -> None:
    matches = match_units(["市发改局", "肇庆市发展和改革局"], REGISTRY)
    assert matches.replaced == [
        Replacement("市发改局", "市发展改革局"),
        Replacement("肇庆市发展和改革局", "市发展改革局"),
    ]
    assert matches.registered("市发改局") == "市发展改革局"


def test_unknown_names_come_with_the_nearest_registered_ones() -> None:
    matches = match_units(["市财政厅", "区消防救援大队"], REGISTRY)
    assert matches.unknown == {"市财政厅": ["市财政局"], "区消防救援大队": []}


def test_without_a_registry_every_name_is_unknown() -> None:
    assert match_units(["市财政局"], None).unknown == {"市财政局": []}
