#!/usr/bin/python3
"""Extracts the Face Research Lab London set's neutral and smiling front portraits (CC BY 4.0)
for calibration: 102 people, one neutral and one smiling 1350x1350 colour portrait each.

    /usr/bin/python3 face/training/prepare_webmorph.py [--mirror GIT_DIR] [--out DIR]

Source: repository debruine/webmorphR.stim, commit fa8b78fd (pinned below), files
inst/neutral_front/*_03.jpg and inst/smiling_front/*_08.jpg (the macOS "._*" files and the .tem
landmark files are skipped). DeBruine & Jones, "Face Research Lab London Set", figshare
doi 10.6084/m9.figshare.5047666.v5, CC BY 4.0; the sitters consented.
Writes <out>/neutral/NNN.jpg, <out>/happiness/NNN.jpg (NNN = the person) and <out>/webmorph.csv
(path,label; paths relative to <out>), and checks the files against MANIFEST_SHA256 (SHA-256 of
the sorted "sha256  path" manifest, written to <out>/webmorph.manifest). Neither bundled
classifier was trained on these portraits (face-api.js's data is undocumented web images,
mini-Xception's is FER2013), so they are the one allowed data set that is unseen by both.
Standard library only; rerunning replaces the output.
"""
import argparse
import csv
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile

COMMIT = "fa8b78fda2d659bb74ce62fcd99c4407551d2a77"
FOLDERS = {"inst/neutral_front": ("_03.jpg", "neutral"), "inst/smiling_front": ("_08.jpg", "happiness")}
MANIFEST_SHA256 = "2f47f9815936ca10025ba3c4d5de66f9d53a7ce0f1cdf620aac72888bec303ab"
FILES = 204


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", default="/work/.mirror/debruine+webmorphR.stim/repo")
    parser.add_argument("--out", default="/work/data/webmorph")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    rows, lines = [], []
    for folder, (suffix, label) in FOLDERS.items():
        shutil.rmtree(os.path.join(out, label), ignore_errors=True)
        os.makedirs(os.path.join(out, label))
        tar = subprocess.run(["git", "--git-dir", args.mirror, "archive", "--format=tar",
                              COMMIT + ":" + folder], check=True, stdout=subprocess.PIPE).stdout
        with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
            for member in archive.getmembers():
                name = os.path.basename(member.name)
                if not member.isfile() or name.startswith("._") or not name.endswith(suffix):
                    continue
                relative = label + "/" + name[:-len(suffix)] + ".jpg"
                data = archive.extractfile(member).read()
                with open(os.path.join(out, relative), "wb") as f:
                    f.write(data)
                rows.append((relative, label))
                lines.append(hashlib.sha256(data).hexdigest() + "  " + relative + "\n")
    rows.sort()
    text = "".join(sorted(lines))
    with open(os.path.join(out, "webmorph.manifest"), "w") as f:
        f.write(text)
    with open(os.path.join(out, "webmorph.csv"), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["path", "label"])
        writer.writerows(rows)
    digest = hashlib.sha256(text.encode()).hexdigest()
    if (digest, len(rows)) != (MANIFEST_SHA256, FILES):
        sys.exit(f"prepare_webmorph: manifest sha256 {digest} over {len(rows)} files, expected "
                 f"{MANIFEST_SHA256} over {FILES}; see {out}/webmorph.manifest")
    print(f"webmorph: {len(rows)} files, manifest sha256 {digest}: OK")


if __name__ == "__main__":
    main()
