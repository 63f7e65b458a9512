import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Load and fault-test client for the affect4j server, run as a single source file
 * ({@code java LoadTest.java ...}; load-test.sh does). It talks to 127.0.0.1 only, and every run
 * is bounded in time and in requests.
 *
 * <pre>
 * setup --base http://127.0.0.1:PORT --token T
 *     creates a classroom and a consented session; prints the session id
 * load  --base URL --token T --session ID [--clients 8] [--seconds 60] [--max-requests 100000]
 *       [--image astronaut.jpg] [--bad-every 0] [--bomb 7000x7000] [--only-bombs false]
 *       [--pid PID] [--out FILE]
 *     N clients post a 640x480 JPEG with one face (made from --image) to the session until the
 *     time or the request budget is spent. With --bad-every K every K-th request of a client is
 *     a bad one, in turn: random bytes, a truncated JPEG, an 11 MB file, a PNG pixel bomb of
 *     --bomb pixels (a few hundred KB that decode to width x height x 3 bytes). With --pid the
 *     server's resident memory (VmRSS) and threads are sampled every 100 ms. Acknowledged counts
 *     every 201 answer; frames_per_s and the latencies count the good frames only. With
 *     --only-bombs true every bad request is a pixel bomb (--bad-every 1: nothing else). Prints (and writes
 *     to --out) one line of key=value figures.
 * count --base URL --token T --session ID
 *     prints the session's stored frame count, read through the API
 * </pre>
 * Connection failures (server stopped or restarting) are counted, and the client retries after
 * 100 ms; they are not acknowledged and must not be stored.
 */
public final class LoadTest {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern FRAME_COUNT = Pattern.compile("\"frameCount\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: setup|load|count --base URL --token T ...");
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        URI base = URI.create(options.getOrDefault("base", "http://127.0.0.1:8080"));
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("this tool talks to 127.0.0.1 only, got " + base);
        }
        String token = require(options, "token");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        switch (args[0]) {
            case "setup" -> System.out.println(setup(http, base, token));
            case "count" -> System.out.println(frameCount(http, base, token,
                    Long.parseLong(require(options, "session"))));
            case "load" -> new LoadTest(http, base, token, options).run();
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static long setup(HttpClient http, URI base, String token) throws Exception {
        String classroom = send(http, json(base, token, "/api/classrooms", "{\"name\":\"load\"}"), 201);
        long classroomId = Long.parseLong(match(ID, classroom));
        String session = send(http, json(base, token, "/api/classrooms/" + classroomId
                + "/sessions", "{\"title\":\"load test\",\"consent\":true}"), 201);
        return Long.parseLong(match(ID, session));
    }

    private static long frameCount(HttpClient http, URI base, String token, long session)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/sessions/" + session))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
        return Long.parseLong(match(FRAME_COUNT, send(http, request, 200)));
    }

    private static HttpRequest json(URI base, String token, String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return m.group(1);
    }

    // ---- the load run ----

    private enum Kind { GOOD, RANDOM, TRUNCATED, OVERSIZED, BOMB }

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final long session;
    private final int clients;
    private final long deadline;
    private final long maxRequests;
    private final int badEvery;
    private final boolean onlyBombs;
    private final long pid;
    private final String out;
    private final Map<Kind, byte[]> bodies = new LinkedHashMap<>();
    private final Map<Kind, String> contentTypes = Map.of(Kind.GOOD, "image/jpeg",
            Kind.RANDOM, "image/jpeg", Kind.TRUNCATED, "image/jpeg",
            Kind.OVERSIZED, "image/jpeg", Kind.BOMB, "image/png");
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong connectionFailures = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> samples = new ConcurrentHashMap<>();
    private volatile long peakRss;
    private volatile long peakThreads;
    private final long started = System.nanoTime();

    private LoadTest(HttpClient http, URI base, String token, Map<String, String> options)
            throws IOException {
        this.http = http;
        this.base = base;
        this.token = token;
        this.session = Long.parseLong(require(options, "session"));
        this.clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        if (clients < 1 || clients > 64 || seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("clients must be 1..64 and seconds 1..600");
        }
        this.deadline = started + Duration.ofSeconds(seconds).toNanos();
        this.maxRequests = Math.min(Long.parseLong(options.getOrDefault("max-requests", "100000")),
                1_000_000);
        this.badEvery = Integer.parseInt(options.getOrDefault("bad-every", "0"));
        this.onlyBombs = Boolean.parseBoolean(options.getOrDefault("only-bombs", "false"));
        this.pid = Long.parseLong(options.getOrDefault("pid", "0"));
        this.out = options.get("out");
        byte[] good = frame(Path.of(options.getOrDefault("image", "examples/samples/astronaut.jpg")));
        bodies.put(Kind.GOOD, good);
        if (badEvery > 0) {
            byte[] random = new byte[64 * 1024];
            new java.util.Random(42).nextBytes(random);
            bodies.put(Kind.RANDOM, random);
            bodies.put(Kind.TRUNCATED, Arrays.copyOf(good, good.length / 3));
            byte[] oversized = new byte[11 * 1024 * 1024];
            System.arraycopy(good, 0, oversized, 0, good.length);
            bodies.put(Kind.OVERSIZED, oversized);
            String[] wh = options.getOrDefault("bomb", "7000x7000").split("x");
            bodies.put(Kind.BOMB, pixelBomb(Integer.parseInt(wh[0]), Integer.parseInt(wh[1])));
        }
    }

    /** The sample photo scaled into a 640 x 480 frame, as a JPEG (quality 0.9). */
    private static byte[] frame(Path photo) throws IOException {
        BufferedImage source = ImageIO.read(photo.toFile());
        if (source == null) {
            throw new IOException(photo + " is not an image ImageIO reads");
        }
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(0, 0, 640, 480);
        int side = 480;
        g.drawImage(source, (640 - side) / 2, 0, side, side, null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(frame, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A valid black RGB PNG of the given size, written row by row without an image in memory. */
    static byte[] pixelBomb(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat,
                new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
            byte[] row = new byte[1 + width * 3];
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private HttpRequest upload(Kind kind) {
        String boundary = "affect4jLoadTest" + kind.ordinal();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"frame\"\r\nContent-Type: " + contentTypes.get(kind) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return HttpRequest.newBuilder(base.resolve("/api/sessions/" + session + "/frames"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, bodies.get(kind), tail)))
                .build();
    }

    private void run() throws Exception {
        Thread sampler = null;
        if (pid > 0) {
            sampler = new Thread(this::sample, "rss-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }
        Map<Kind, HttpRequest> requests = new LinkedHashMap<>();
        for (Kind kind : bodies.keySet()) {
            requests.put(kind, upload(kind));
        }
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] latencies = new long[(int) Math.min(maxRequests, 200_000)];
            int client = c;
            Thread thread = new Thread(() -> client(client, requests, latencies), "client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (sampler != null) {
            sampler.interrupt();
        }
        report(seconds);
    }

    private final Map<Integer, long[]> latencyArrays = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> latencyCounts = new ConcurrentHashMap<>();

    private void client(int client, Map<Kind, HttpRequest> requests, long[] latencies) {
        List<Kind> bad = onlyBombs ? List.of(Kind.BOMB)
                : List.of(Kind.RANDOM, Kind.TRUNCATED, Kind.OVERSIZED, Kind.BOMB);
        int n = 0;
        int good = 0;
        int badTurn = client;
        while (System.nanoTime() < deadline && sent.incrementAndGet() <= maxRequests) {
            n++;
            Kind kind = badEvery > 0 && n % badEvery == 0 ? bad.get(badTurn++ % bad.size()) : Kind.GOOD;
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(requests.get(kind),
                        HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - t0;
                int status = response.statusCode();
                String key = kind + " " + status;
                statuses.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
                if (status != 201) {
                    samples.putIfAbsent(key, response.headers().firstValue("Content-Type").orElse("-")
                            + " " + abbreviate(response.body()));
                }
                if (status == 201) {
                    // a bomb under the pixel limit is a valid (black) frame and is stored too
                    acknowledged.incrementAndGet();
                }
                if (kind == Kind.GOOD && status == 201) {
                    if (good < latencies.length) {
                        latencies[good++] = took;
                    }
                }
            } catch (ConnectException e) {
                connectionFailures.incrementAndGet();
                pause();
            } catch (HttpTimeoutException e) {
                timeouts.incrementAndGet();
            } catch (IOException e) {
                // reset or closed mid-request (server stopping, or a refused oversized upload)
                statuses.computeIfAbsent(kind + " io:" + e.getClass().getSimpleName(),
                        k -> new AtomicLong()).incrementAndGet();
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        latencyArrays.put(client, latencies);
        latencyCounts.put(client, good);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }

    private void sample() {
        Path status = Path.of("/proc/" + pid + "/status");
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        peakRss = Math.max(peakRss, Long.parseLong(line.replaceAll("\\D", "")));
                    } else if (line.startsWith("Threads:")) {
                        peakThreads = Math.max(peakThreads, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
                Thread.sleep(100);
            } catch (IOException | UncheckedIOException e) {
                // the process is gone (stopped on purpose in the shutdown test)
                pause();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void report(double seconds) throws IOException {
        int total = latencyCounts.values().stream().mapToInt(Integer::intValue).sum();
        long[] all = new long[total];
        int k = 0;
        for (Map.Entry<Integer, long[]> e : latencyArrays.entrySet()) {
            int n = latencyCounts.get(e.getKey());
            System.arraycopy(e.getValue(), 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("seconds", String.format(Locale.ROOT, "%.1f", seconds));
        figures.put("clients", String.valueOf(clients));
        figures.put("sent", String.valueOf(Math.min(sent.get(), maxRequests)));
        figures.put("acknowledged", String.valueOf(acknowledged.get()));
        figures.put("frames_per_s", String.format(Locale.ROOT, "%.1f", total / seconds));
        figures.put("p50_ms", ms(all, 0.50));
        figures.put("p90_ms", ms(all, 0.90));
        figures.put("p99_ms", ms(all, 0.99));
        figures.put("max_ms", all.length == 0 ? "-" : String.valueOf(all[all.length - 1] / 1_000_000));
        figures.put("connection_failures", String.valueOf(connectionFailures.get()));
        figures.put("timeouts", String.valueOf(timeouts.get()));
        if (pid > 0) {
            figures.put("peak_rss_mb", String.valueOf(peakRss / 1024));
            figures.put("peak_threads", String.valueOf(peakThreads));
        }
        StringBuilder line = new StringBuilder();
        figures.forEach((name, value) -> line.append(name).append('=').append(value).append(' '));
        new TreeMap<>(statuses).forEach((key, count) -> line.append("[").append(key).append("]=")
                .append(count.get()).append(' '));
        System.out.println(line.toString().trim());
        new TreeMap<>(samples).forEach((key, body) -> System.out.println("  " + key + ": " + body));
        if (out != null) {
            Files.writeString(Path.of(out), line.toString().trim() + "\n");
        }
    }

    private static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "-";
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return String.valueOf(sorted[Math.max(0, i)] / 1_000_000);
    }
}
