#!/bin/sh
# Makes the synthetic labelled corpus the voice trainer is tested on: four "emotions" that differ
# only in prosody (rate, pitch level, pitch range, effort), spoken by five espeak-ng "speakers"
# (voices and variants, English and German), two sentences each: 40 clips.
#
# Files are named in the RAVDESS scheme 03-01-EE-II-SS-RR-AA.wav (EE emotion: 01 neutral,
# 03 happy, 04 sad, 05 angry; II intensity 01; SS statement 01 or 02; RR repetition 01;
# AA actor = speaker), so the trainer's RAVDESS parser and its speaker-grouped
# cross-validation are exercised as with the real corpus. The sentences are RAVDESS's two
# statements and, for the German speakers, two EmoDB sentences.
#
# These classes are easy by construction: they prove that the trainer learns separable classes
# across speakers and that the exported ONNX model reproduces them, nothing about real emotion.
#
# The gain of -6 dB keeps the loudest styles from clipping (a level artefact that would
# flatten the spectrum).
#
# Needs espeak-ng (1.51) and sox (14.4.2), both from Debian. Deterministic: no dither (-D),
# repeatable mode (-R); espeak-ng's synthesis is deterministic. Run from this directory:
#   sh make-corpus.sh
set -eu

# emotion code, SSML prosody attributes
style() {
    case "$1" in
        01) echo 'rate="100%" pitch="medium" range="medium" volume="medium"' ;;
        03) echo 'rate="115%" pitch="high" range="x-high" volume="loud"' ;;
        04) echo 'rate="72%" pitch="low" range="x-low" volume="soft"' ;;
        05) echo 'rate="130%" pitch="medium" range="low" volume="x-loud"' ;;
    esac
}

# speaker code, espeak-ng voice, language of the sentences
speak_all() {
    actor=$1 voice=$2 lang=$3
    for emotion in 01 03 04 05; do
        for statement in 01 02; do
            if [ "$lang" = de ]; then
                if [ $statement = 01 ]; then text="Der Lappen liegt auf dem Eisschrank."
                else text="Das will sie am Mittwoch abgeben."; fi
            else
                if [ $statement = 01 ]; then text="Kids are talking by the door."
                else text="Dogs are sitting by the door."; fi
            fi
            name="03-01-$emotion-01-$statement-01-$actor"
            espeak-ng -m -v "$voice" -w "tmp-$name.wav" \
                "<speak><prosody $(style $emotion)>$text</prosody></speak>"
            sox -R -D "tmp-$name.wav" -r 16000 -c 1 -b 16 "$name.wav" gain -6 pad 0.1 0.1
            rm -f "tmp-$name.wav"
        done
    done
}

speak_all 01 en-us    en
speak_all 02 en-gb+f3 en
speak_all 03 de       de
speak_all 04 en-us+m3 en
speak_all 05 de+f2    de
