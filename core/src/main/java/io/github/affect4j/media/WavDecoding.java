package io.github.affect4j.media;

import io.github.affect4j.media.InvalidMediaException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * A RIFF/WAVE reader. Reads chunk by chunk from a stream and grows the sample buffer only as data
 * actually arrives, so sizes declared in the header are never used to allocate.
 */
final class WavDecoding {

    private static final int PCM = 0x0001;
    private static final int IEEE_FLOAT = 0x0003;
    private static final int A_LAW = 0x0006;
    private static final int MU_LAW = 0x0007;
    private static final int EXTENSIBLE = 0xFFFE;
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

    private WavDecoding() {
    }

    static AudioClip decode(InputStream in, String source, double maxSeconds) throws IOException {
        if (!(maxSeconds > 0)) {
            throw new IllegalArgumentException("maxSeconds must be positive, got " + maxSeconds);
        }
        byte[] header = in.readNBytes(12);
        if (header.length == 0) {
            throw new InvalidMediaException(Problem.EMPTY, source + ": empty (0 bytes)");
        }
        String riff = ascii(header, 0, Math.min(4, header.length));
        if (header.length < 12 && "RIFF".startsWith(riff)) {
            throw new InvalidMediaException(Problem.TRUNCATED, source + ": RIFF header cut short ("
                    + header.length + " bytes)");
        }
        if (header.length < 12 || !"WAVE".equals(ascii(header, 8, 4))
                || !("RIFF".equals(riff) || "RIFX".equals(riff) || "RF64".equals(riff))) {
            throw new InvalidMediaException(Problem.UNSUPPORTED_FORMAT,
                    source + ": not a WAV file (no RIFF/WAVE header)");
        }
        if (!"RIFF".equals(riff)) {
            throw new InvalidMediaException(Problem.UNSUPPORTED_FORMAT, source + ": " + riff
                    + " WAV variant is not supported; convert to a plain RIFF WAV file");
        }
        // The RIFF size tells a file that ends early from one that lacks a chunk; streaming
        // writers leave it at 0 or 0xFFFFFFFF, and then the end of the data is all we know.
        long riffSize = u32(header, 4);
        boolean riffSizeKnown = riffSize != 0 && riffSize != UNKNOWN_SIZE;
        long position = 4; // bytes of the RIFF body read so far: "WAVE"
        Format format = null;
        while (true) {
            byte[] chunkHeader = in.readNBytes(8);
            if (chunkHeader.length < 8) {
                boolean cleanEnd = chunkHeader.length == 0
                        && (riffSizeKnown ? position >= riffSize : format != null);
                throw new InvalidMediaException(cleanEnd ? Problem.CORRUPT : Problem.TRUNCATED,
                        source + ": " + (cleanEnd ? "" : "data ends early: ") + "no data chunk"
                        + (format == null ? " and no fmt chunk" : ""));
            }
            String id = ascii(chunkHeader, 0, 4);
            long size = u32(chunkHeader, 4);
            position += 8 + size + (size & 1);
            if ("fmt ".equals(id)) {
                format = readFormat(in, size, source);
            } else if ("data".equals(id)) {
                if (format == null) {
                    throw new InvalidMediaException(Problem.CORRUPT,
                            source + ": data chunk comes before the fmt chunk");
                }
                return readData(in, size, format, source, maxSeconds);
            } else {
                skip(in, size + (size & 1), source, id);
            }
        }
    }

    private record Format(int tag, int channels, int sampleRate, int bits, int blockAlign) {
    }

    private static Format readFormat(InputStream in, long size, String source) throws IOException {
        if (size < 16 || size > 1024) {
            throw new InvalidMediaException(Problem.CORRUPT,
                    source + ": fmt chunk of " + size + " bytes");
        }
        byte[] fmt = in.readNBytes((int) (size + (size & 1)));
        if (fmt.length < size) {
            throw new InvalidMediaException(Problem.TRUNCATED, source + ": fmt chunk cut short");
        }
        int tag = u16(fmt, 0);
        int channels = u16(fmt, 2);
        long rate = u32(fmt, 4);
        int blockAlign = u16(fmt, 12);
        int bits = u16(fmt, 14);
        if (tag == EXTENSIBLE) {
            if (size < 40) {
                throw new InvalidMediaException(Problem.CORRUPT,
                        source + ": extensible fmt chunk too short (" + size + " bytes)");
            }
            tag = u16(fmt, 24);
        }
        if (tag != PCM && tag != IEEE_FLOAT && tag != A_LAW && tag != MU_LAW) {
            throw new InvalidMediaException(Problem.UNSUPPORTED_FORMAT, source + ": WAV encoding "
                    + encodingName(tag) + " is not supported; convert to PCM or float");
        }
        boolean bitsOk = switch (tag) {
            case PCM -> bits == 8 || bits == 16 || bits == 24 || bits == 32;
            case IEEE_FLOAT -> bits == 32 || bits == 64;
            default -> bits == 8;
        };
        if (!bitsOk) {
            throw new InvalidMediaException(Problem.UNSUPPORTED_FORMAT, source + ": "
                    + bits + "-bit " + encodingName(tag) + " samples are not supported");
        }
        if (channels < 1 || channels > 64) {
            throw new InvalidMediaException(Problem.CORRUPT,
                    source + ": invalid channel count " + channels);
        }
        if (rate < AudioClip.MIN_SAMPLE_RATE || rate > AudioClip.MAX_SAMPLE_RATE) {
            throw new InvalidMediaException(Problem.UNSUPPORTED_FORMAT, source + ": sample rate "
                    + rate + " Hz is outside " + AudioClip.MIN_SAMPLE_RATE + " to "
                    + AudioClip.MAX_SAMPLE_RATE + " Hz");
        }
        if (blockAlign != channels * (bits / 8)) {
            throw new InvalidMediaException(Problem.CORRUPT, source + ": block size " + blockAlign
                    + " does not match " + channels + " channels of " + bits + " bits");
        }
        return new Format(tag, channels, (int) rate, bits, blockAlign);
    }

    private static AudioClip readData(InputStream in, long declared, Format format, String source,
                                      double maxSeconds) throws IOException {
        long maxFrames = (long) Math.ceil(maxSeconds * format.sampleRate());
        int bytesPerSample = format.bits() / 8;
        int frameBytes = format.blockAlign();
        // Trust the declared size only as an upper bound; streaming writers leave it at 0 or max.
        long remaining = declared == 0 || declared == UNKNOWN_SIZE ? Long.MAX_VALUE : declared;
        byte[] block = new byte[frameBytes * Math.max(1, 65536 / frameBytes)];
        float[] mono = new float[4096];
        int frames = 0;
        while (remaining >= frameBytes) {
            int want = (int) Math.min(block.length, remaining - remaining % frameBytes);
            int got = in.readNBytes(block, 0, want);
            int whole = got / frameBytes;
            if (frames + (long) whole > maxFrames) {
                throw new InvalidMediaException(Problem.TOO_LARGE, String.format(Locale.ROOT,
                        "%s: longer than the limit of %.1f seconds", source, maxSeconds));
            }
            if (frames + whole > mono.length) {
                mono = Arrays.copyOf(mono, (int) Math.min(maxFrames,
                        Math.max(frames + (long) whole, 2L * mono.length)));
            }
            for (int f = 0; f < whole; f++) {
                double sum = 0;
                int base = f * frameBytes;
                for (int c = 0; c < format.channels(); c++) {
                    double value = sample(block, base + c * bytesPerSample, format);
                    if (!Double.isFinite(value)) {
                        throw new InvalidMediaException(Problem.CORRUPT, source + ": sample "
                                + (frames + f) + " of channel " + c + " is " + value);
                    }
                    sum += value;
                }
                mono[frames + f] = (float) (sum / format.channels());
            }
            frames += whole;
            remaining -= got;
            if (got < want) {
                break;
            }
        }
        if (frames == 0) {
            throw new InvalidMediaException(Problem.EMPTY, source + ": WAV file has no samples");
        }
        float[] samples = Arrays.copyOf(mono, frames);
        for (int i = 0; i < samples.length; i++) {
            if (Math.abs(samples[i]) > AudioClip.MAX_MAGNITUDE) {
                throw new InvalidMediaException(Problem.CORRUPT, source + ": float sample " + i
                        + " is " + samples[i] + ", far outside [-1, 1]");
            }
        }
        return AudioClip.ofOwned(samples, format.sampleRate());
    }

    private static double sample(byte[] b, int i, Format format) {
        switch (format.tag()) {
            case PCM:
                return switch (format.bits()) {
                    case 8 -> ((b[i] & 0xff) - 128) / 128.0;
                    case 16 -> (short) ((b[i + 1] << 8) | (b[i] & 0xff)) / 32768.0;
                    case 24 -> ((b[i + 2] << 16) | ((b[i + 1] & 0xff) << 8) | (b[i] & 0xff))
                            / 8388608.0;
                    default -> ((b[i + 3] << 24) | ((b[i + 2] & 0xff) << 16)
                            | ((b[i + 1] & 0xff) << 8) | (b[i] & 0xff)) / 2147483648.0;
                };
            case IEEE_FLOAT:
                if (format.bits() == 32) {
                    return Float.intBitsToFloat((int) u32(b, i));
                }
                return Double.longBitsToDouble(u32(b, i) | (u32(b, i + 4) << 32));
            case A_LAW:
                return aLaw(b[i] & 0xff) / 32768.0;
            default:
                return muLaw(b[i] & 0xff) / 32768.0;
        }
    }

    /** ITU-T G.711 A-law expansion to 16-bit linear. */
    static int aLaw(int code) {
        int value = code ^ 0x55;
        int exponent = (value >> 4) & 0x07;
        int mantissa = value & 0x0f;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (value & 0x80) != 0 ? magnitude : -magnitude;
    }

    /** ITU-T G.711 mu-law expansion to 16-bit linear. */
    static int muLaw(int code) {
        int value = ~code & 0xff;
        int exponent = (value >> 4) & 0x07;
        int mantissa = value & 0x0f;
        int magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
        return (value & 0x80) != 0 ? -magnitude : magnitude;
    }

    private static void skip(InputStream in, long count, String source, String chunk)
            throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new InvalidMediaException(Problem.TRUNCATED, source + ": '" + chunk
                            + "' chunk cut short before any data chunk");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static String encodingName(int tag) {
        return switch (tag) {
            case PCM -> "PCM";
            case IEEE_FLOAT -> "IEEE float";
            case A_LAW -> "A-law";
            case MU_LAW -> "mu-law";
            case 0x0002 -> "MS ADPCM (format tag 0x0002)";
            case 0x0011 -> "IMA ADPCM (format tag 0x0011)";
            case 0x0031 -> "GSM 6.10 (format tag 0x0031)";
            case 0x0055 -> "MPEG Layer 3 (format tag 0x0055)";
            default -> String.format(Locale.ROOT, "with format tag 0x%04X", tag);
        };
    }

    private static String ascii(byte[] b, int offset, int length) {
        return new String(b, offset, length, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8);
    }

    private static long u32(byte[] b, int i) {
        return (b[i] & 0xffL) | ((b[i + 1] & 0xffL) << 8) | ((b[i + 2] & 0xffL) << 16)
                | ((b[i + 3] & 0xffL) << 24);
    }
}
