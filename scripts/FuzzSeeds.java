import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * Writes the seed corpus of the fuzz tests (FUZZING.md): small valid inputs and known nasties
 * (truncated data, headers that lie, huge declared sizes, decompression bombs). Run from the
 * repository root with {@code java scripts/FuzzSeeds.java}; the output is committed, and
 * {@code ./mvnw verify} replays it. Valid model cards are copied from the test resources.
 */
public class FuzzSeeds {

    static final Path ROOT = Path.of(".");

    public static void main(String[] args) throws IOException {
        media();
        cards();
        csv();
    }

    // ---------------------------------------------------------------- media

    static void media() throws IOException {
        Path base = ROOT.resolve("core/src/test/resources/io/github/affect4j/media/MediaFuzzTestInputs");
        Path images = base.resolve("decodeImage");
        Path wavs = base.resolve("readWav");
        Path sniff = base.resolve("sniffFormat");

        BufferedImage rgb = picture(8, 6, BufferedImage.TYPE_3BYTE_BGR);
        for (String format : new String[] {"png", "jpeg", "bmp", "gif", "tiff"}) {
            byte[] data = encode(rgb, format);
            write(images, "valid." + format, data);
            write(images, "truncated." + format, Arrays.copyOf(data, data.length / 2));
            write(sniff, "valid." + format, Arrays.copyOf(data, 16));
        }
        write(images, "grey.png", encode(picture(5, 5, BufferedImage.TYPE_BYTE_GRAY), "png"));
        write(images, "grey16.png", encode(picture(5, 5, BufferedImage.TYPE_USHORT_GRAY), "png"));
        write(images, "argb.png", encode(picture(5, 5, BufferedImage.TYPE_INT_ARGB), "png"));
        write(images, "indexed.gif", encode(picture(5, 5, BufferedImage.TYPE_BYTE_INDEXED), "gif"));
        write(images, "empty", new byte[0]);
        write(images, "png-signature-only", Arrays.copyOf(pngSignature(), 8));

        // Headers that claim far more pixels than the data holds.
        write(images, "png-claims-100000x100000", png(100_000, 100_000, new byte[0]));
        write(images, "png-claims-negative-width", png(-1, 10, new byte[0]));
        // A decompression bomb within the pixel limit's header: 64 x 64 declared, 8 MB of
        // compressed zeros in the data.
        write(images, "png-idat-bomb", png(64, 64, deflate(new byte[8 << 20])));
        write(images, "bmp-claims-huge", bmp(1 << 20, 1 << 20));
        write(images, "bmp-negative-height", bmp(8, -8));
        write(images, "gif-claims-65535x65535", gif(0xFFFF, 0xFFFF));
        write(images, "tiff-claims-huge", tiff(60_000, 60_000, 1, 1));
        // A small image whose strip table declares two billion entries.
        write(images, "tiff-huge-strip-count", tiff(16, 16, 0x7FFF_FFFF, 1));
        write(images, "tiff-huge-strip-size", tiff(16, 16, 1, 0x7FFF_FFFF));
        write(images, "jpeg-soi-only", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        byte[] jpeg = encode(rgb, "jpeg");
        write(images, "jpeg-claims-65535x65535", jpegWithSize(jpeg, 0xFFFF, 0xFFFF));
        write(images, "jpeg-claims-0x0", jpegWithSize(jpeg, 0, 0));

        write(sniff, "empty", new byte[0]);
        write(sniff, "riff-not-wave", ascii("RIFF\0\0\0\0AVI LIST"));
        write(sniff, "rf64", ascii("RF64\0\0\0\0WAVE"));
        write(sniff, "tiff-be", new byte[] {'M', 'M', 0, 0x2A});

        // WAV: valid encodings, then lies.
        write(wavs, "pcm16-mono.wav", wav(fmt(1, 1, 8000, 16), chunk("data", tone(800, 2, 8000))));
        write(wavs, "pcm8-stereo.wav", wav(fmt(1, 2, 8000, 8), chunk("data", new byte[400])));
        write(wavs, "pcm24.wav", wav(fmt(1, 1, 16000, 24), chunk("data", new byte[300])));
        write(wavs, "float32.wav", wav(fmt(3, 1, 16000, 32), chunk("data", floats(0.5f, -0.5f, 0.25f))));
        write(wavs, "float64.wav", wav(fmt(3, 1, 16000, 64), chunk("data", new byte[64])));
        write(wavs, "mulaw.wav", wav(fmt(7, 1, 8000, 8), chunk("data", new byte[100])));
        write(wavs, "alaw.wav", wav(fmt(6, 1, 8000, 8), chunk("data", new byte[100])));
        write(wavs, "extensible.wav", wav(extensible(1, 2, 48000, 16), chunk("data", new byte[400])));
        write(wavs, "list-chunk.wav", wav(fmt(1, 1, 8000, 16), chunk("LIST", ascii("INFOabc")),
                chunk("data", new byte[100])));
        write(wavs, "float-nan.wav", wav(fmt(3, 1, 8000, 32), chunk("data", floats(Float.NaN))));
        write(wavs, "float-huge.wav", wav(fmt(3, 1, 8000, 32), chunk("data", floats(1e30f))));
        write(wavs, "data-claims-4gb.wav", wav(fmt(1, 1, 8000, 16), chunk("data", 0xFFFF_FFF0L, new byte[100])));
        write(wavs, "list-claims-4gb.wav", wav(fmt(1, 1, 8000, 16), chunk("LIST", 0xFFFF_FFF0L, new byte[10])));
        write(wavs, "fmt-claims-4gb.wav", wav(chunk("fmt ", 0xFFFF_FFF0L, new byte[16])));
        write(wavs, "data-before-fmt.wav", wav(chunk("data", new byte[4]), fmt(1, 1, 8000, 16)));
        write(wavs, "no-data.wav", wav(fmt(1, 1, 8000, 16)));
        write(wavs, "rate-zero.wav", wav(fmt(1, 1, 0, 16), chunk("data", new byte[4])));
        write(wavs, "channels-zero.wav", wav(fmt(1, 0, 8000, 16), chunk("data", new byte[4])));
        write(wavs, "channels-65535.wav", wav(fmt(1, 0xFFFF, 8000, 16), chunk("data", new byte[4])));
        write(wavs, "bits-12.wav", wav(fmt(1, 1, 8000, 12), chunk("data", new byte[4])));
        write(wavs, "adpcm.wav", wav(fmt(2, 1, 8000, 4), chunk("data", new byte[4])));
        write(wavs, "rifx.wav", ascii("RIFX\0\0\0\0WAVE"));
        write(wavs, "header-only", ascii("RIFF\0\0\0\0WAVE"));
        write(wavs, "riff-cut", ascii("RIF"));
        write(wavs, "empty", new byte[0]);
        byte[] valid = wav(fmt(1, 1, 8000, 16), chunk("data", tone(400, 2, 8000)));
        write(wavs, "truncated.wav", Arrays.copyOf(valid, valid.length - 101));
        write(sniff, "pcm16-mono.wav", Arrays.copyOf(valid, 16));
    }

    static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 40, 40));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(20, 180, 60, 128));
        g.fillOval(1, 1, width - 2, height - 2);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no " + format + " writer for " + image);
        }
        return out.toByteArray();
    }

    static byte[] pngSignature() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    }

    static byte[] png(int width, int height, byte[] idat) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        return concat(pngSignature(), pngChunk("IHDR", ihdr.array()), pngChunk("IDAT", idat),
                pngChunk("IEND", new byte[0]));
    }

    static byte[] pngChunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(ascii(type))
                .put(data).putInt((int) crc.getValue()).array();
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return out.toByteArray();
    }

    static byte[] bmp(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(54 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(70).putInt(0).putInt(54);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24)
                .putInt(0).putInt(16).putInt(2835).putInt(2835).putInt(0).putInt(0);
        return b.array();
    }

    static byte[] gif(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("GIF89a")).putShort((short) width).putShort((short) height)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) width)
                .putShort((short) height).put((byte) 0);
        b.put((byte) 2).put((byte) 2).put((byte) 0x4C).put((byte) 0x01).put((byte) 0).put((byte) 0x3B);
        return Arrays.copyOf(b.array(), b.position());
    }

    /** A little-endian baseline grey TIFF with one strip table of the given (declared) length. */
    static byte[] tiff(int width, int height, int stripCount, int stripBytes) {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 8 * 12 + 4 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 8);
        entry(b, 256, 4, 1, width);        // ImageWidth
        entry(b, 257, 4, 1, height);       // ImageLength
        entry(b, 258, 3, 1, 8);            // BitsPerSample
        entry(b, 259, 3, 1, 1);            // Compression: none
        entry(b, 262, 3, 1, 1);            // Photometric: black is zero
        entry(b, 273, 4, stripCount, 8 + 2 + 8 * 12 + 4);  // StripOffsets
        entry(b, 278, 4, 1, height);       // RowsPerStrip
        entry(b, 279, 4, stripCount, stripBytes);          // StripByteCounts
        b.putInt(0);
        return b.array();
    }

    static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    /** The JPEG with the size in its first start-of-frame marker replaced. */
    static byte[] jpegWithSize(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        for (int i = 2; i + 9 < out.length; i++) {
            if (out[i] == (byte) 0xFF && (out[i + 1] == (byte) 0xC0 || out[i + 1] == (byte) 0xC2)) {
                out[i + 5] = (byte) (height >> 8);
                out[i + 6] = (byte) height;
                out[i + 7] = (byte) (width >> 8);
                out[i + 8] = (byte) width;
                return out;
            }
        }
        throw new IllegalStateException("no start-of-frame marker");
    }

    static byte[] wav(byte[]... chunks) {
        byte[] body = concat(chunks);
        return concat(ascii("RIFF"), le32(4 + body.length), ascii("WAVE"), body);
    }

    static byte[] fmt(int tag, int channels, int rate, int bits) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        int align = channels * (bits / 8);
        b.putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * align)
                .putShort((short) align).putShort((short) bits);
        return chunk("fmt ", b.array());
    }

    static byte[] extensible(int subTag, int channels, int rate, int bits) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        int align = channels * (bits / 8);
        b.putShort((short) 0xFFFE).putShort((short) channels).putInt(rate).putInt(rate * align)
                .putShort((short) align).putShort((short) bits).putShort((short) 22)
                .putShort((short) bits).putInt(3).putShort((short) subTag)
                .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38,
                        (byte) 0x9B, 0x71});
        return chunk("fmt ", b.array());
    }

    static byte[] chunk(String id, byte[] body) {
        return chunk(id, body.length, body);
    }

    static byte[] chunk(String id, long declared, byte[] body) {
        byte[] pad = new byte[body.length & 1];
        return concat(ascii(id), le32(declared), body, pad);
    }

    static byte[] tone(int samples, int bytesPerSample, int rate) {
        ByteBuffer b = ByteBuffer.allocate(samples * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 220 * i / rate)));
        }
        return b.array();
    }

    static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    // ---------------------------------------------------------------- model cards

    static void cards() throws IOException {
        Path reader = ROOT.resolve("core/onnx/src/test/resources/io/github/affect4j/onnx/ModelCardReaderFuzzTestInputs/readCard");
        Path face = ROOT.resolve("face/src/test/resources/io/github/affect4j/face/onnx/ModelCardFuzzTestInputs/readCard");
        Path voice = ROOT.resolve("voice/src/test/resources/io/github/affect4j/voice/onnx/VoiceCardFuzzTestInputs");
        Path features = voice.resolve("readFeatureCard");
        Path waveform = voice.resolve("readWaveformCard");

        Path faceCards = ROOT.resolve("face/src/test/resources/io/github/affect4j/face/onnx/tiny");
        for (String name : new String[] {"ferplus8", "opencv_zoo_fer", "hsemotion_enet_b0_8"}) {
            byte[] card = Files.readAllBytes(faceCards.resolve(name + ".properties"));
            write(face, name + ".properties", card);
            write(reader, name + ".properties", card);
        }
        String ferplus = Files.readString(faceCards.resolve("ferplus8.properties"));
        write(face, "huge-size.properties", ascii(ferplus.replace("input.width = 64", "input.width = 2147483647")
                .replace("input.height = 64", "input.height = 2147483647")));
        write(face, "negative-size.properties", ascii(ferplus.replace("input.width = 64", "input.width = -64")));
        write(face, "nan-scale.properties", ascii(ferplus.replace("input.scale = 1", "input.scale = NaN")));
        write(face, "zero-std.properties", ascii(ferplus.replace("input.std = 1", "input.std = 0, 0, 0")));
        write(face, "bad-escape.properties", ascii(ferplus + "name = \\uZZZZ\n"));
        write(face, "duplicate-labels.properties", ascii(ferplus.replace("contempt", "neutral")));
        write(face, "no-labels.properties", ascii(ferplus.replace("labels =", "labelz =")));

        Path waveCards = ROOT.resolve("voice/src/test/resources/io/github/affect4j/voice/waveform");
        for (String name : new String[] {"categorical_dynamic", "categorical_window", "dimensional"}) {
            write(waveform, name + ".card.properties",
                    Files.readAllBytes(waveCards.resolve(name + ".card.properties")));
        }
        String dimensional = Files.readString(waveCards.resolve("dimensional.card.properties"));
        write(waveform, "range-reversed.properties", ascii(dimensional.replace("output.range = 0, 1", "output.range = 1, 0")));
        write(waveform, "range-infinite.properties", ascii(dimensional.replace("output.range = 0, 1", "output.range = -Infinity, 1e400")));
        write(waveform, "length-huge.properties", ascii(dimensional.replace("input.length = dynamic", "input.length = 99999999999")));
        write(waveform, "dimensions-empty.properties", ascii(dimensional.replace("arousal, dominance, valence", ",,")));

        byte[] synthetic = Files.readAllBytes(ROOT.resolve(
                "voice/src/test/resources/io/github/affect4j/voice/trained/synthetic.card.properties"));
        write(features, "synthetic.card.properties", synthetic);
        write(reader, "synthetic.card.properties", synthetic);
        String syn = new String(synthetic, StandardCharsets.UTF_8);
        write(features, "mean-short.properties", ascii(syn.replaceFirst("normalisation.mean=[^\\n]*", "normalisation.mean=1, 2")));
        write(features, "features-empty.properties", ascii(syn.replaceFirst("\nfeatures=[^\\n]*", "\nfeatures=")));
        write(features, "prior-negative.properties", ascii(syn.replace("normalisation.priorSeconds=10.0", "normalisation.priorSeconds=-1")));
        write(features, "unknown-kind.properties", ascii(syn.replace("kind=features", "kind=telepathy")));
        write(features, "wrong-format.properties", ascii(syn.replace("affect4j-voice-model/1", "affect4j-voice-model/99")));

        for (Path dir : new Path[] {reader, face, features, waveform}) {
            write(dir, "empty", new byte[0]);
            write(dir, "binary", new byte[] {0, (byte) 0xFF, (byte) 0xFE, '=', '\\', 'u', '1', '\n', (byte) 0xC3});
            write(dir, "escape-cut", ascii("name=\\u12"));
            write(dir, "continuation", ascii("labels = neutral, \\\n  happiness\\"));
        }
    }

    // ---------------------------------------------------------------- CSV

    static void csv() throws IOException {
        Path dir = ROOT.resolve("examples/cli/src/test/resources/io/github/affect4j/cli/LabelledDatasetFuzzTestInputs/readCsv");
        write(dir, "header.csv", ascii("path,label\nhappy/a.jpg,happy\nsad/b.jpg,sadness\n"));
        write(dir, "quoted.csv", ascii("\"a, b.jpg\",anger\n\"x\"\"y.wav\",calm\n# comment\n\n"));
        write(dir, "bom.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ascii("path,label\nx.png,fear\n")));
        write(dir, "unclosed-quote.csv", ascii("\"a.jpg,anger\n"));
        write(dir, "three-fields.csv", ascii("a.jpg,anger,extra\n"));
        write(dir, "unlabelled-unmapped.csv", ascii("a.jpg,\nb.jpg,boredom\n"));
        write(dir, "nul-in-path.csv", ascii("a\0b.jpg,anger\n"));
        write(dir, "invalid-utf8.csv", new byte[] {'a', ',', (byte) 0xC3, (byte) 0x28, '\n'});
        write(dir, "absolute.csv", ascii("/tmp/x.jpg,neutral\n"));
        write(dir, "empty", new byte[0]);
    }

    // ---------------------------------------------------------------- bytes

    static void write(Path dir, String name, byte[] data) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), data);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] le32(long value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
