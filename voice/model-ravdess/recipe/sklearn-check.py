#!/usr/bin/env python3
"""Quick checks outside the trainer (EXPERIMENTS.md, "Feature set 3" findings): scikit-learn models
on the vectors of a train-voice feature cache, with the trainer's folds (8 folds of actors N and
N+8), calm training as neutral and never tested, balanced classes, standardised
features cut off at 3. No speaker normalisation, so only comparisons within this script count.

    sklearn-check.py FEATURES_CACHE [RECIPE_DIR]

FEATURES_CACHE  a cache written by experiments.sh on the feature set 3 build (feature set 3 rows)
Feature set 3 was reverted after these checks: run this on a checkout of commit e10c5b9 (it reads
the feature names from that commit's FeatureSet.java).
Needs numpy and scikit-learn; prints one line per setting: pooled UAR, per-fold mean and sd, and
the per-fold difference from the first setting of its group.
"""
import os
import re
import sys
import warnings

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import recall_score
from sklearn.preprocessing import QuantileTransformer
from sklearn.svm import LinearSVC

warnings.filterwarnings('ignore')
HERE = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
FEATURE_SET = os.path.join(HERE, '../../features/src/main/java/io/github/affect4j/voice/features/'
                           'FeatureSet.java')
BANDS = ['spectrum.band300to800', 'spectrum.band800to1500', 'spectrum.band1500to2500',
         'spectrum.band2500to3500']


def names():
    """Feature names of set 3 in vector order, read from FeatureSet.java's definitions."""
    src = open(FEATURE_SET).read()
    out = []
    for fn in ['definitions', 'secondDefinitions', 'thirdDefinitions']:
        body = src.split('private static List<Feature> ' + fn + '()')[1].split('return Collections')[0]
        lines = body.split('\n')
        i = 0
        while i < len(lines):
            m = re.search(r'for \(int c = (\d); c < FrameAnalyzer.MFCC_COUNT', lines[i])
            if m:
                j = i + 1
                inner = []
                while lines[j].strip() != '}':
                    inner.append(lines[j])
                    j += 1
                pats = re.findall(r'new Feature\("mfcc" \+ c \+ "([^"]+)"', ' '.join(inner))
                out += ['mfcc%d%s' % (c, p) for c in range(int(m.group(1)), 13) for p in pats]
                i = j + 1
                continue
            if 'BAND_NAMES.get(b)' in lines[i]:
                out += [b + '.mean' for b in BANDS]
            elif 'BAND_SPREAD_NAMES.get(b)' in lines[i]:
                out += [b + '.stddev' for b in BANDS]
            else:
                m = re.search(r'new Feature\("([^"]+)"', lines[i])
                if m:
                    out.append(m.group(1))
            i += 1
    return out


def load(cache):
    """Vectors of set 3, original recordings, sorted by SHA-256; labels and actors from names."""
    meta = {}
    for line in open(os.path.join(HERE, 'ravdess-01-16.sha256')):
        h, p = line.split()
        parts = os.path.basename(p)[:-4].split('-')
        meta[h] = (int(parts[2]), int(parts[6]))
    X, y, a = [], [], []
    for line in sorted(open(cache)):
        key, seconds, values = line.rstrip('\n').split('\t')
        h, version, variant = key.split('|')
        if version != 'affect4j-voice-features/3' or variant != 'original' or float(seconds) < 0:
            continue
        X.append([float(t) for t in values.split(' ')])
        y.append(meta[h][0])
        a.append(meta[h][1])
    return np.array(X), np.array(y), np.array(a)


def standardise(xtr, xte, limit=3):
    mu = np.nanmean(xtr, 0)
    xtr = np.where(np.isnan(xtr), mu, xtr)
    xte = np.where(np.isnan(xte), mu, xte)
    sd = xtr.std(0, ddof=1)
    sd[sd < 1e-9] = 1
    return np.clip((xtr - mu) / sd, -limit, limit), np.clip((xte - mu) / sd, -limit, limit)


def cv(X, y, a, make, prep=None, limit=3):
    fold = (a - 1) % 8
    yy = np.where(y == 2, 1, y)  # calm trains as neutral
    pred = np.zeros(len(y), dtype=int)
    per = []
    for k in range(8):
        tr = fold != k
        te = (fold == k) & (y != 2)
        xtr, xte = X[tr], X[te]
        if prep:
            xtr, xte = prep(xtr, xte)
        ztr, zte = standardise(xtr, xte, limit)
        p = make().fit(ztr, yy[tr]).predict(zte)
        pred[te] = p
        per.append(recall_score(yy[te], p, average='macro'))
    tested = y != 2
    return recall_score(yy[tested], pred[tested], average='macro'), np.array(per)


def quantile(xtr, xte):
    mu = np.nanmean(xtr, 0)
    qt = QuantileTransformer(n_quantiles=200, output_distribution='normal')
    return (qt.fit_transform(np.where(np.isnan(xtr), mu, xtr)),
            qt.transform(np.where(np.isnan(xte), mu, xte)))


def main():
    X, y, a = load(sys.argv[1])
    n = names()
    assert len(n) == X.shape[1], (len(n), X.shape)
    x4 = (r'mfcc\d+\.(delta\.)?stddev|spectrum\.flux\.stddev|loudness\.(rising|falling)\.slope'
          r'|mfcc\d+\.voiced\.stddev|spectrum\.h1h2\.mean|spectrum\.flatness\.mean')
    v2x4 = [i for i, f in enumerate(n[:107]) if not re.fullmatch(x4, f)]
    new = list(range(107, len(n)))
    groups = {'voiced delta-MFCC spreads': r'mfcc\d+\.voiced\.delta\.stddev',
              'voiced flux': r'spectrum\.flux\.voiced\.mean',
              'band spreads': r'spectrum\.band.*\.stddev',
              'F0 contour shape': r'f0\.(range5to95|skewness|rising\.fraction|final\.slope)',
              'segments': r'f0\.segment.*|loudness\.segment\.max',
              'voice quality': r'hnr\.p90|f0\.jitterLike\.median|shimmerLike\.median|loudness\.skewness'}

    def lr(c=0.1, penalty='l2'):
        return lambda: LogisticRegression(C=c, penalty=penalty, class_weight='balanced',
                                          solver='liblinear' if penalty == 'l1' else 'lbfgs',
                                          max_iter=3000)

    def report(title, settings):
        print(title)
        base = None
        for label, (cols, make, prep, limit) in settings:
            uar, per = cv(X[:, cols], y, a, make, prep, limit)
            base = per if base is None else base
            d = per - base
            print('  %-34s UAR %.3f  folds %.3f +- %.3f  vs first %+.3f +- %.3f, better in %d of 8'
                  % (label, uar, per.mean(), per.std(ddof=1), d.mean(), d.std(ddof=1), (d > 0).sum()))

    all107 = list(range(107))
    report('Scaling and linear models, all of set 2:', [
        ('logistic regression C 0.1', (all107, lr(), None, 3)),
        ('cut-off 2', (all107, lr(), None, 2)),
        ('no cut-off', (all107, lr(), None, 100)),
        ('quantile to normal', (all107, lr(), quantile, 5)),
        ('L1, C 0.09', (all107, lr(0.09, 'l1'), None, 3)),
        ('linear SVM C 0.01', (all107, lambda: LinearSVC(C=0.01, class_weight='balanced',
                                                         max_iter=5000), None, 3))])
    settings = [('set 2 after x4', (v2x4, lr(), None, 3))]
    for g, pattern in groups.items():
        settings.append(('+ ' + g, (v2x4 + [i for i in new if re.fullmatch(pattern, n[i])],
                                     lr(), None, 3)))
    settings.append(('+ all of set 3', (v2x4 + new, lr(), None, 3)))
    settings.append(('+ all of set 3 but voiced deltas',
                     (v2x4 + [i for i in new if not re.fullmatch(groups['voiced delta-MFCC spreads'],
                                                                 n[i])], lr(), None, 3)))
    for c in [0.03, 0.1, 0.3]:
        settings.append(('all 136, C %g' % c, (list(range(len(n))), lr(c), None, 3)))
    report('Groups of set 3 over set 2 after x4 (logistic regression C 0.1):', settings)


if __name__ == '__main__':
    main()
