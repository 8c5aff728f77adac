"""Vietnam administrative units, read from the ``vietnamadminunits`` PyPI package.

Requirement: ``vietnamadminunits==1.0.4`` (MIT licence, Python >= 3.7).

Two structures are exposed:

* ``iter_legacy()`` - the 3-level structure in force until 30 June 2025
  (63 provinces, 696 districts, 10,035 communes; GSO codes 2/3/5 digits).
* ``iter_2025()``   - the 2-level structure from 1 July 2025
  (34 provinces, 3,321 communes), each commune with the legacy commune
  codes it was formed from (``predecessor_codes``).

Codes are the official statistics (GSO/NSO) codes as zero-padded strings
("01", "001", "00001").  Codes are NOT unique across the two structures:
most 2025 commune codes re-use a legacy commune code (often for a different
unit), and 2025 province codes re-use legacy province codes (e.g. "82" is
Tiền Giang in legacy but Đồng Tháp in 2025).  Key any table on
(structure, code).

Every dict also has ``short_name`` (the name without the type prefix, as
given by the package, e.g. "Củ Chi"; the package disambiguates a few legacy
duplicates inside one district as "Yên Viên (Thị trấn)").

Data handling notes (applied here, not in the package):

* ``kind`` is derived from the type prefix of the official full name, because
  the package's own type column is wrong for 3 legacy and 4 new communes
  (e.g. "Thị trấn Ngọc Lặc" typed "Xã").  The prefix always agrees with the
  NSO list for those rows.
* Miscapitalised type prefixes in the package ("Thị Xã Buôn Hồ",
  "Thành Phố Bắc Kạn", "Thị Trấn Prao") are normalised to the standard
  form ("Thị xã", "Thành phố", "Thị trấn").  Nothing else in the names is
  changed.
* Five island units (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) were
  districts without communes in the legacy structure; they become 2025
  "đặc khu" whose ``predecessor_codes`` is empty and whose legacy district
  code is given as ``predecessor_district_codes``.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

__all__ = ["iter_legacy", "iter_2025", "records", "PACKAGE", "PACKAGE_VERSION"]

PACKAGE = "vietnamadminunits"
PACKAGE_VERSION = "1.0.4"
#: What the lineage of the 2025 units is read from: the package's converter tables.
LINEAGE_SOURCE = f"{PACKAGE} {PACKAGE_VERSION}, converter_2025"

# (canonical prefix, kind) - longest prefixes first so "Thành phố" wins over nothing else.
_PROVINCE_PREFIXES = (("Thành phố", "city"), ("Tỉnh", "province"))
_DISTRICT_PREFIXES = (
    ("Thành phố", "provincial_city"),
    ("Thị xã", "town"),
    ("Huyện", "rural_district"),
    ("Quận", "urban_district"),
)
_LEGACY_COMMUNE_PREFIXES = (("Thị trấn", "township"), ("Phường", "ward"), ("Xã", "commune"))
_NEW_COMMUNE_PREFIXES = (("Đặc khu", "special_zone"), ("Phường", "ward"), ("Xã", "commune"))


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip())


def _classify(full_name: str, prefixes: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    """Return (normalised full name, kind) from the name's type prefix."""
    name = _nfc(full_name)
    low = name.casefold()
    for prefix, kind in prefixes:
        if low.startswith(prefix.casefold() + " "):
            return prefix + name[len(prefix) :], kind
    raise ValueError(f"Unrecognised administrative type prefix in {full_name!r}")


def _short(short_name: str | None, full_name: str) -> str:
    if short_name:
        return _nfc(short_name)
    return full_name.split(" ", 1)[1] if " " in full_name else full_name


@lru_cache(maxsize=1)
def _tables() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of the package's SQLite tables: (legacy, 2025)."""
    from vietnamadminunits.database import query

    legacy = query(
        "SELECT provinceCode, province, provinceShort, districtCode, district, districtShort,"
        " wardCode, ward, wardShort, provinceKey, districtKey, wardKey FROM admin_units_legacy"
    )
    new = query(
        "SELECT provinceCode, province, provinceShort, wardCode, ward, wardShort, provinceKey, wardKey FROM admin_units"
    )
    return legacy, new


def iter_legacy() -> Iterator[dict[str, Any]]:
    """Yield legacy (pre-1 July 2025) units: all provinces, then districts, then communes.

    Each item: {code, name, short_name, kind, parent_code}; parent_code is None for provinces.
    """
    legacy, _ = _tables()
    provinces: dict[str, dict[str, Any]] = {}
    districts: dict[str, dict[str, Any]] = {}
    communes: dict[str, dict[str, Any]] = {}
    for r in legacy:
        pc, dc, wc = r["provinceCode"], r["districtCode"], r["wardCode"]
        if pc not in provinces:
            name, kind = _classify(r["province"], _PROVINCE_PREFIXES)
            provinces[pc] = {
                "code": pc,
                "name": name,
                "short_name": _short(r["provinceShort"], name),
                "kind": kind,
                "parent_code": None,
            }
        if dc not in districts:
            name, kind = _classify(r["district"], _DISTRICT_PREFIXES)
            districts[dc] = {
                "code": dc,
                "name": name,
                "short_name": _short(r["districtShort"], name),
                "kind": kind,
                "parent_code": pc,
            }
        if wc and wc not in communes:  # island districts have one row with no commune
            name, kind = _classify(r["ward"], _LEGACY_COMMUNE_PREFIXES)
            communes[wc] = {
                "code": wc,
                "name": name,
                "short_name": _short(r["wardShort"], name),
                "kind": kind,
                "parent_code": dc,
            }
    for level in (provinces, districts, communes):
        for code in sorted(level):
            yield dict(level[code])


@lru_cache(maxsize=1)
def _predecessors() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Map 2025 commune code -> (legacy commune codes, legacy district codes).

    Built from the package's 2025 conversion tables, which are keyed by
    normalised names: new "province key"/"ward key" and old
    "provinceKey_districtKey_wardKey".  Both kinds of link are used: legacy
    communes merged whole into a new commune, and legacy communes split across
    several new communes (each new commune that received part of it).
    """
    from vietnamadminunits.converter import converter_2025 as conv

    legacy, new = _tables()
    old_by_key: dict[str, tuple[str, str | None]] = {}
    for r in legacy:
        old_by_key[f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey'] or ''}"] = (r["districtCode"], r["wardCode"])
    new_by_key = {(r["provinceKey"], r["wardKey"]): r["wardCode"] for r in new}

    wards: dict[str, set[str]] = defaultdict(set)
    dists: dict[str, set[str]] = defaultdict(set)

    def link(new_code: str, old_key: str) -> None:
        dc, wc = old_by_key[old_key]
        if wc:
            wards[new_code].add(wc)
        else:
            dists[new_code].add(dc)

    for prov_key, table in conv.DICT_PROVINCE_WARD_NO_DIVIDED.items():
        for ward_key, old_keys in table.items():
            for old_key in old_keys:
                link(new_by_key[(prov_key, ward_key)], old_key)
    for prov_key, table in conv.DICT_PROVINCE_WARD_DIVIDED.items():
        for old_key, targets in table.items():
            for t in targets:
                link(new_by_key[(prov_key, t["newWardKey"])], old_key)
    return ({k: sorted(v) for k, v in wards.items()}, {k: sorted(v) for k, v in dists.items()})


def iter_2025() -> Iterator[dict[str, Any]]:
    """Yield units of the structure in force from 1 July 2025: provinces, then communes.

    Each item: {code, name, short_name, kind, parent_code, predecessor_codes,
    predecessor_district_codes}.  predecessor_codes lists legacy commune codes
    (empty for provinces and for the five island special zones).
    """
    _, new = _tables()
    pred_wards, pred_dists = _predecessors()
    provinces: dict[str, dict[str, Any]] = {}
    communes: dict[str, dict[str, Any]] = {}
    for r in new:
        pc, wc = r["provinceCode"], r["wardCode"]
        if pc not in provinces:
            name, kind = _classify(r["province"], _PROVINCE_PREFIXES)
            provinces[pc] = {
                "code": pc,
                "name": name,
                "short_name": _short(r["provinceShort"], name),
                "kind": kind,
                "parent_code": None,
                "predecessor_codes": [],
                "predecessor_district_codes": [],
            }
        if wc not in communes:
            name, kind = _classify(r["ward"], _NEW_COMMUNE_PREFIXES)
            communes[wc] = {
                "code": wc,
                "name": name,
                "short_name": _short(r["wardShort"], name),
                "kind": kind,
                "parent_code": pc,
                "predecessor_codes": list(pred_wards.get(wc, [])),
                "predecessor_district_codes": list(pred_dists.get(wc, [])),
            }
    for level in (provinces, communes):
        for code in sorted(level):
            item = dict(level[code])
            item["predecessor_codes"] = list(item["predecessor_codes"])
            item["predecessor_district_codes"] = list(item["predecessor_district_codes"])
            yield item


def _unchanged_provinces() -> set[str]:
    """2025 provinces whose territory the reform left whole: same code, formed from exactly one legacy
    province, all of whose communes went into it. Those continue their legacy unit instead of a new one."""
    legacy = list(iter_legacy())
    parent = {u["code"]: u["parent_code"] for u in legacy}
    province_of = {
        u["code"]: parent[u["parent_code"]] for u in legacy if u["parent_code"] in parent and parent[u["parent_code"]]
    }
    communes_of: dict[str, set[str]] = defaultdict(set)
    for code, province in province_of.items():
        communes_of[province].add(code)
    sources: dict[str, set[str]] = defaultdict(set)
    received: dict[str, set[str]] = defaultdict(set)
    for u in iter_2025():
        if u["parent_code"] is None:
            continue
        for old in u["predecessor_codes"]:
            sources[u["parent_code"]].add(province_of[old])
            received[u["parent_code"]].add(old)
        for old_district in u["predecessor_district_codes"]:
            sources[u["parent_code"]].add(parent[old_district])
    return {code for code, provinces in sources.items() if provinces == {code} and communes_of[code] <= received[code]}


def records(structure: str):
    """The units of a structure (``legacy`` or ``2025``) as ``UnitRecord``s, parents before children."""
    from .services import UnitRecord

    if structure == "legacy":
        for u in iter_legacy():
            yield UnitRecord(code=u["code"], name=u["name"], kind=u["kind"], parent_code=u["parent_code"])
        return
    unchanged = _unchanged_provinces()
    for u in iter_2025():
        yield UnitRecord(
            code=u["code"],
            name=u["name"],
            kind=u["kind"],
            parent_code=u["parent_code"],
            predecessor_codes=tuple(u["predecessor_codes"]) + tuple(u["predecessor_district_codes"]),
            continues_legacy=u["parent_code"] is None and u["code"] in unchanged,
            lineage_source=LINEAGE_SOURCE,
        )
