package io.github.affect4j.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An immutable mono audio clip: float samples, nominally in [-1, 1], at a sample rate between
 * {@value #MIN_SAMPLE_RATE} and {@value #MAX_SAMPLE_RATE} Hz. The input of voice analysis.
 *
 * <p>Made from float PCM, 16-bit PCM bytes, or WAV data. WAV reading accepts integer PCM of 8,
 * 16, 24 and 32 bits, IEEE float of 32 and 64 bits, A-law and mu-law, in plain and extensible
 * headers, with any number of channels (mixed down to mono by averaging). Reading stops at a
 * duration limit rather than trusting the header's sizes, so a lying header cannot exhaust the
 * memory.
 */
public final class AudioClip {

    /** The lowest sample rate accepted, in Hz. */
    public static final int MIN_SAMPLE_RATE = 8_000;

    /** The highest sample rate accepted, in Hz. */
    public static final int MAX_SAMPLE_RATE = 192_000;

    /** The default limit on the duration of decoded audio: 15 minutes. */
    public static final double DEFAULT_MAX_SECONDS = 15 * 60;

    /**
     * Samples beyond this magnitude are taken as a scaling mistake (16-bit values passed as
     * floats, say) rather than audio: float WAV files may exceed 1 a little, never by this much.
     */
    static final float MAX_MAGNITUDE = 8f;

    private final float[] samples;
    private final int sampleRate;

    private AudioClip(float[] samples, int sampleRate) {
        this.samples = samples;
        this.sampleRate = sampleRate;
    }

    /**
     * Copies mono float samples.
     *
     * @param samples the samples, nominally in [-1, 1]; at least one
     * @param sampleRate the rate in Hz
     * @return the clip
     * @throws IllegalArgumentException if there are no samples, a sample is NaN, infinite or of
     *     magnitude above 8 (not float PCM), or the rate is out of range
     */
    public static AudioClip of(float[] samples, int sampleRate) {
        return ofOwned(samples.clone(), sampleRate);
    }

    /**
     * Mixes interleaved multichannel float samples down to mono by averaging the channels.
     *
     * @param interleaved the samples, frame after frame
     * @param channels the number of channels
     * @param sampleRate the rate in Hz
     * @return the mono clip
     * @throws IllegalArgumentException as {@link #of}, or if the length is not a multiple of the
     *     channel count
     */
    public static AudioClip ofInterleaved(float[] interleaved, int channels, int sampleRate) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, got " + channels);
        }
        if (interleaved.length % channels != 0) {
            throw new IllegalArgumentException(interleaved.length + " samples do not divide into "
                    + channels + " channels");
        }
        float[] mono = new float[interleaved.length / channels];
        for (int frame = 0, i = 0; frame < mono.length; frame++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[i++];
            }
            mono[frame] = sum / channels;
        }
        return ofOwned(mono, sampleRate);
    }

    /**
     * Decodes interleaved signed 16-bit PCM, mixing channels down to mono.
     *
     * @param pcm the bytes; the length must be a multiple of {@code 2 * channels}
     * @param sampleRate the rate in Hz
     * @param channels the number of interleaved channels
     * @param bigEndian whether samples are big-endian (WAV is little-endian)
     * @return the mono clip
     * @throws IllegalArgumentException if the length, channel count or rate is invalid
     */
    public static AudioClip ofPcm16(byte[] pcm, int sampleRate, int channels, boolean bigEndian) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, got " + channels);
        }
        if (pcm.length % (2 * channels) != 0) {
            throw new IllegalArgumentException(pcm.length + " bytes are not whole 16-bit frames of "
                    + channels + " channels");
        }
        float[] interleaved = new float[pcm.length / 2];
        for (int i = 0; i < interleaved.length; i++) {
            int hi = bigEndian ? pcm[2 * i] : pcm[2 * i + 1];
            int lo = (bigEndian ? pcm[2 * i + 1] : pcm[2 * i]) & 0xff;
            interleaved[i] = (short) ((hi << 8) | lo) / 32768f;
        }
        return ofInterleaved(interleaved, channels, sampleRate);
    }

    /**
     * Reads a WAV file with the default duration limit.
     *
     * @param file the WAV file
     * @return the clip, mixed down to mono
     * @throws InvalidMediaException if the file is not WAV, uses an unsupported encoding, has no
     *     samples, contains NaN or infinite samples, or is longer than the limit
     * @throws IOException if the file cannot be read
     */
    public static AudioClip readWav(Path file) throws IOException {
        return readWav(file, DEFAULT_MAX_SECONDS);
    }

    /**
     * Reads a WAV file.
     *
     * @param maxSeconds the longest duration accepted
     * @param file the WAV file
     * @return the clip, mixed down to mono
     * @throws InvalidMediaException as {@link #readWav(Path)}
     * @throws IOException if the file cannot be read
     */
    public static AudioClip readWav(Path file, double maxSeconds) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return WavDecoding.decode(in, file.toString(), maxSeconds);
        }
    }

    /**
     * Reads WAV data from a stream (not closed) with the default duration limit.
     *
     * @param in the WAV data
     * @return the clip, mixed down to mono
     * @throws InvalidMediaException as {@link #readWav(Path)}
     * @throws IOException if the stream cannot be read
     */
    public static AudioClip readWav(InputStream in) throws IOException {
        return readWav(in, DEFAULT_MAX_SECONDS);
    }

    /**
     * Reads WAV data from a stream (not closed).
     *
     * @param maxSeconds the longest duration accepted
     * @param in the WAV data
     * @return the clip, mixed down to mono
     * @throws InvalidMediaException as {@link #readWav(Path)}
     * @throws IOException if the stream cannot be read
     */
    public static AudioClip readWav(InputStream in, double maxSeconds) throws IOException {
        return WavDecoding.decode(in, "WAV stream", maxSeconds);
    }

    static AudioClip ofOwned(float[] samples, int sampleRate) {
        Objects.requireNonNull(samples, "samples");
        checkSampleRate(sampleRate);
        if (samples.length == 0) {
            throw new IllegalArgumentException("an audio clip needs at least one sample");
        }
        for (int i = 0; i < samples.length; i++) {
            float s = samples[i];
            if (!Float.isFinite(s)) {
                throw new IllegalArgumentException("sample " + i + " is " + s);
            }
            if (Math.abs(s) > MAX_MAGNITUDE) {
                throw new IllegalArgumentException("sample " + i + " is " + s
                        + ": float PCM is expected in [-1, 1] (use ofPcm16 for 16-bit values)");
            }
        }
        return new AudioClip(samples, sampleRate);
    }

    /**
     * Checks a sample rate.
     *
     * @param sampleRate the rate in Hz
     * @throws IllegalArgumentException if it is outside the accepted range
     */
    public static void checkSampleRate(int sampleRate) {
        if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside "
                    + MIN_SAMPLE_RATE + " to " + MAX_SAMPLE_RATE + " Hz");
        }
    }

    /** {@return the sample rate in Hz} */
    public int sampleRate() {
        return sampleRate;
    }

    /** {@return the number of samples} */
    public int length() {
        return samples.length;
    }

    /** {@return the duration in seconds} */
    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    /**
     * One sample.
     *
     * @param index from 0
     * @return the sample
     */
    public float sample(int index) {
        return samples[index];
    }

    /** {@return the samples, as a fresh array} */
    public float[] samples() {
        return samples.clone();
    }

    /**
     * Copies samples into an array.
     *
     * @param from index of the first sample to copy
     * @param target where to copy
     * @param offset where to start in the target
     * @param count how many samples to copy
     */
    public void copySamples(int from, float[] target, int offset, int count) {
        System.arraycopy(samples, from, target, offset, count);
    }

    /**
     * The samples from {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param from the first sample
     * @param to one past the last sample
     * @return the part of the clip
     * @throws IllegalArgumentException if the range is empty or outside the clip
     */
    public AudioClip slice(int from, int to) {
        if (from < 0 || to > samples.length || from >= to) {
            throw new IllegalArgumentException("slice " + from + " to " + to
                    + " is not within a clip of " + samples.length + " samples");
        }
        return new AudioClip(java.util.Arrays.copyOfRange(samples, from, to), sampleRate);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "AudioClip[%.3f s at %d Hz]",
                durationSeconds(), sampleRate);
    }
}
