#!/usr/bin/env python3
"""A large residents table for measuring `wangchao import table`.

Reads dwelling addresses from a demo database (`wangchao demo`) and writes a CSV in the shape of
Examples/import/residents.csv: one resident per address, valid GB 11643 identity numbers except
every hundredth (a wrong check character), mixed date formats, the address written without
province and city. Use it with scripts/import/residents-large.mapping.json:

    python3 scripts/import/generate-residents.py --database demo.sqlite --rows 100000 > residents-100k.csv
    time wangchao import table residents-100k.csv --mapping scripts/import/residents-large.mapping.json --database demo.sqlite
"""
import argparse
import csv
import random
import sqlite3
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
NAMES = ["王建国", "陈婷", "张伟", "李丽萍", "徐志强", "周海燕", "吴晓东", "沈建华", "朱美英", "俞国平"]


def with_check(seventeen):
    return seventeen + "10X98765432"[sum(int(d) * w for d, w in zip(seventeen, WEIGHTS)) % 11]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    random.seed(args.seed)
    db = sqlite3.connect(args.database)
    rows = db.execute(
        "SELECT town, coalesce(road, village), number, building, unit, room FROM standard_addresses "
        "WHERE kind = 'dwelling' ORDER BY random() LIMIT ?", (args.rows,)).fetchall()
    out = csv.writer(sys.stdout)
    out.writerow(["姓名", "公民身份号码", "联系电话", "居住类型", "登记日期", "所在镇街", "详细地址"])
    for i, (town, place, number, building, unit, room) in enumerate(rows):
        seventeen = "330109%04d%02d%02d%03d" % (
            random.randint(1940, 2015), random.randint(1, 12), random.randint(1, 28), i % 1000)
        number_with_check = with_check(seventeen)
        if i % 100 == 0:  # a wrong check character
            number_with_check = number_with_check[:-1] + ("0" if number_with_check[-1] != "0" else "1")
        address = f"{place}{number}号" + (f"{building}幢{unit}单元{room}室" if building else "")
        out.writerow([
            random.choice(NAMES), number_with_check, "13%09d" % random.randint(0, 999_999_999),
            random.choice(["户籍", "常住", "租住"]), random.choice(["2020-01-05", "2021/3/5", "20220101"]), town, address,
        ])


if __name__ == "__main__":
    main()
