#!/usr/bin/python3
"""Extracts the face-emotion data affect4j may train and validate on, checks it, and splits it.

FER2013 training split (the only allowed part of the FER2013 mirror; its test/ and validation/
folders are reserved and never read: only the train/ tree of the pinned commit is archived):
    <out>/train/<emotion>/*.jpg            28,709 grayscale 48x48 JPEGs
    <out>/train.csv, <out>/val.csv         path,label rows (paths relative to <out>), a
                                           stratified 90/10 split with a fixed seed
Taiwanese facial expression set (posed studio portraits; validation ONLY, never train on it):
    <out>/taiwanese/<label>/*.jpg          1,232 colour 256x256 JPEGs
    <out>/taiwanese.csv                    path,label rows

Both CSV files and the folder feed `affect4j evaluate --csv FILE` / `affect4j evaluate DIR`.
The extracted files are checked against checksums.txt beside this script (SHA-256 of a sorted
manifest of "sha256  relative/path" lines, one per file) and the manifests are written to
<out>/*.manifest, so a differing file can be found.

Usage: prepare_data.py [--fer-mirror GIT_DIR] [--taiwanese-mirror GIT_DIR] [--out DIR]
Standard library only. Rerunning replaces the output folders.
"""
import argparse
import csv
import hashlib
import io
import os
import random
import shutil
import subprocess
import sys
import tarfile

FER_COMMIT = "9c8c822db85a44c0d7af5d94d749319a07b1c935"
TAIWANESE_COMMIT = "790c44989ebf3b9835806512ce2f929fe441244f"
TAIWANESE_FOLDER = "Taiwanese/faces_256x256"
# The 5th character of a Taiwanese file name is its expression.
TAIWANESE_LABELS = {"0": "neutral", "a": "neutral", "b": "happiness", "c": "sadness",
                    "d": "anger", "e": "disgust", "f": "fear", "g": "surprise"}
FER_LABELS = ["angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"]
SPLIT_SEED = 20261205
VALIDATION_FRACTION = 0.10
HERE = os.path.dirname(os.path.abspath(__file__))


def archive(git_dir, commit, path):
    """The tar stream of one folder of a commit: the tree `commit:path` alone is archived, so
    nothing outside `path` is read."""
    result = subprocess.run(["git", "--git-dir", git_dir, "archive", "--format=tar",
                             "--prefix=" + path + "/", commit + ":" + path],
                            check=True, stdout=subprocess.PIPE)
    return tarfile.open(fileobj=io.BytesIO(result.stdout))


def extract(tar, strip, target, rename):
    """Writes the regular files of `tar` below target; `rename(relative)` gives the new path."""
    written = []
    for member in tar.getmembers():
        if not member.isfile():
            continue
        relative = member.name[len(strip):].lstrip("/")
        destination = rename(relative)
        full = os.path.join(target, destination)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as out:
            out.write(tar.extractfile(member).read())
        written.append(destination)
    return sorted(written)


def manifest(root, files):
    lines = []
    for relative in sorted(files):
        with open(os.path.join(root, relative), "rb") as f:
            lines.append(hashlib.sha256(f.read()).hexdigest() + "  " + relative + "\n")
    return "".join(lines)


def expected_checksums():
    expected = {}
    with open(os.path.join(HERE, "checksums.txt")) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, digest, count = line.split()
                expected[name] = (digest, int(count))
    return expected


def check(name, out, text, count, expected, update):
    with open(os.path.join(out, name + ".manifest"), "w") as f:
        f.write(text)
    digest = hashlib.sha256(text.encode()).hexdigest()
    if update:
        return f"{name} {digest} {count}\n"
    want = expected.get(name)
    if want != (digest, count):
        sys.exit(f"prepare_data: {name}: manifest sha256 {digest} over {count} files, expected "
                 f"{want}; see {out}/{name}.manifest")
    print(f"{name}: {count} files, manifest sha256 {digest}: OK")
    return None


def write_csv(path, rows):
    with open(path, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["path", "label"])
        writer.writerows(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fer-mirror", default="/work/.mirror/RecepTahirGunlu+Duygu-Tanima/repo")
    parser.add_argument("--taiwanese-mirror", default="/work/.mirror/lai-wei-cheng+b12207073/repo")
    parser.add_argument("--out", default="/work/data/fer2013")
    parser.add_argument("--update-checksums", action="store_true",
                        help="write checksums.txt from this extraction instead of checking it")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    expected = {} if args.update_checksums else expected_checksums()
    lines = []

    # FER2013: only train/ of the pinned commit.
    shutil.rmtree(os.path.join(out, "train"), ignore_errors=True)
    files = extract(archive(args.fer_mirror, FER_COMMIT, "train"), "", out, lambda p: p)
    if any(f.split("/")[1] not in FER_LABELS for f in files):
        sys.exit("prepare_data: unexpected folder in train/")
    lines.append(check("fer2013-train", out, manifest(out, files), len(files), expected,
                       args.update_checksums))
    rng = random.Random(SPLIT_SEED)
    train_rows, val_rows = [], []
    for label in FER_LABELS:
        members = [f for f in files if f.split("/")[1] == label]
        rng.shuffle(members)
        n_val = round(len(members) * VALIDATION_FRACTION)
        val_rows += [(f, label) for f in sorted(members[:n_val])]
        train_rows += [(f, label) for f in sorted(members[n_val:])]
        print(f"  {label:9s} {len(members):6d}: train {len(members) - n_val}, val {n_val}")
    write_csv(os.path.join(out, "train.csv"), train_rows)
    write_csv(os.path.join(out, "val.csv"), val_rows)
    print(f"train.csv {len(train_rows)} rows, val.csv {len(val_rows)} rows (seed {SPLIT_SEED})")

    # Taiwanese portraits, sorted into label folders.
    shutil.rmtree(os.path.join(out, "taiwanese"), ignore_errors=True)
    folder = os.path.join(out, "taiwanese")
    tw = extract(archive(args.taiwanese_mirror, TAIWANESE_COMMIT, TAIWANESE_FOLDER),
                 TAIWANESE_FOLDER, folder,
                 lambda p: TAIWANESE_LABELS[os.path.basename(p)[4]] + "/" + os.path.basename(p))
    lines.append(check("taiwanese", out, manifest(folder, tw), len(tw), expected,
                       args.update_checksums))
    write_csv(os.path.join(out, "taiwanese.csv"), [("taiwanese/" + f, f.split("/")[0]) for f in tw])
    for label in sorted(set(TAIWANESE_LABELS.values())):
        print(f"  {label:9s} {sum(1 for f in tw if f.startswith(label + '/')):5d}")

    if args.update_checksums:
        with open(os.path.join(HERE, "checksums.txt"), "w") as f:
            f.write("# name  sha256-of-sorted-manifest  files   (written by prepare_data.py"
                    " --update-checksums)\n")
            f.writelines(lines)
        print("wrote checksums.txt")


if __name__ == "__main__":
    main()
