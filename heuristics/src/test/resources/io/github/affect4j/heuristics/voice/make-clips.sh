#!/bin/sh
# Makes the arousal test clips: the same text spoken aroused (loud, fast, high) and calm (soft,
# slow, low) by espeak-ng, as 16 kHz mono 16-bit WAV with 0.25 s of silence on either side.
#
# Needs espeak-ng (1.51) and sox (14.4.2), both from Debian. Deterministic: no dither (-D),
# repeatable mode (-R), and espeak-ng's synthesis is deterministic. Run from this directory:
#   sh make-clips.sh
#
# The aroused amplitude is 120, not 200: at 200 espeak-ng saturates its 16-bit output and the
# clipping would add harmonics, i.e. a level artefact that flattens the spectrum and would
# flatter our spectral cues. The test also renormalises the pairs to equal peaks (and swaps the
# levels) to show that level is not what separates them.
set -eu

AROUSED="-a 120 -s 220 -p 90"
CALM="-a 40 -s 110 -p 20"

speak_pair() { # name voice text
    for style in aroused calm; do
        if [ "$style" = aroused ]; then opts=$AROUSED; else opts=$CALM; fi
        # shellcheck disable=SC2086
        espeak-ng -v "$2" $opts -w "tmp-$1.wav" "$3"
        sox -R -D "tmp-$1.wav" -r 16000 -c 1 -b 16 "$1-$style.wav" pad 0.25 0.25
        rm -f "tmp-$1.wav"
    done
}

speak_pair us-fox    en-us    "The quick brown fox jumps over the lazy dog."
speak_pair us-seven  en-us    "We are leaving at seven, not at eight."
speak_pair gb-fox    en-gb    "The quick brown fox jumps over the lazy dog."
speak_pair usf-seven en-us+f3 "We are leaving at seven, not at eight."
speak_pair de-zug    de       "Heute habe ich den Zug zur Arbeit genommen."
