package io.github.affect4j.deployment;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.media.AudioClip;
import io.github.affect4j.media.ImageFrame;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the deployment tests run in a JVM of their own, the way an application would use the
 * published jars: on the class path, on the module path, or from two class loaders at once.
 * Prints {@code key=value} lines for the tests to check; exits with 3 when an analysis fails.
 */
public final class DeploymentProbe {

    private DeploymentProbe() {
    }

    /**
     * @param args {@code analyse <samples folder>}: the sample photo with the onnx and the
     *     heuristic face detector and the sample speech with the best voice detector, then the
     *     native libraries mapped into the process; {@code two-loaders <samples folder>}: the
     *     same analysis from two class loaders that each load the jars of the class path
     * @throws Exception when a class loader cannot be made
     */
    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args[1]);
        int status = switch (args[0]) {
            case "analyse" -> print(analyse(samples));
            case "two-loaders" -> twoLoaders(samples);
            default -> throw new IllegalArgumentException("unknown probe " + args[0]);
        };
        System.out.println("mapped=" + mappedNatives());
        System.out.flush();
        System.exit(status);
    }

    /**
     * Analyses the samples.
     *
     * @param samples the folder with {@code astronaut.jpg} and {@code speech.wav}
     * @return one {@code key=value} line per detector: what it found, or {@code .error=} and
     *     why it failed
     */
    public static String analyse(Path samples) {
        StringBuilder out = new StringBuilder();
        out.append("module=").append(DeploymentProbe.class.getModule().getName()).append('\n');
        for (String provider : List.of("onnx", "heuristic")) {
            try (FaceEmotionDetector faces = EmotionDetectors.faceBuilder().provider(provider)
                    .build()) {
                FaceAnalysis analysis = faces.analyze(ImageFrame.read(
                        samples.resolve("astronaut.jpg")));
                out.append("face.").append(provider).append('=')
                        .append(analysis.faces().size()).append(" face(s), ")
                        .append(analysis.largestFace().map(face -> face.dominant().toString())
                                .orElse("none"))
                        .append(", in module ").append(faces.getClass().getModule().getName())
                        .append('\n');
            } catch (IOException | RuntimeException e) {
                out.append("face.").append(provider).append(".error=").append(e).append('\n');
            }
        }
        try (VoiceEmotionDetector voices = EmotionDetectors.voice()) {
            VoiceAnalysis analysis = voices.analyze(AudioClip.readWav(
                    samples.resolve("speech.wav")));
            out.append("voice.").append(analysis.detector().providerId()).append('=')
                    .append(analysis.affect().map(affect -> affect.scores().dominant()
                            .toString()).orElse("no speech"))
                    .append(", in module ").append(voices.getClass().getModule().getName())
                    .append('\n');
        } catch (IOException | RuntimeException e) {
            out.append("voice.error=").append(e).append('\n');
        }
        return out.toString();
    }

    private static int print(String analysis) {
        System.out.print(analysis);
        return analysis.contains("error=") ? 3 : 0;
    }

    /**
     * Loads every jar of the class path in two class loaders beside each other (as two web
     * applications of one server would) and analyses the samples in each.
     */
    private static int twoLoaders(Path samples) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        int status = 0;
        List<URLClassLoader> loaders = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            // Never closed: both loaders and their natives stay alive until the JVM exits (and
            // openpnp's exit hook needs its classes).
            URLClassLoader loader = new URLClassLoader("loader-" + n, urls.toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader());
            loaders.add(loader);
            Method analyse = loader.loadClass(DeploymentProbe.class.getName())
                    .getMethod("analyse", Path.class);
            String result = (String) analyse.invoke(null, samples);
            System.out.print(result.replaceAll("(?m)^", "loader" + n + "."));
            if (result.contains("error=")) {
                status = 3;
            }
        }
        System.out.println("loaders=" + loaders.size());
        return status;
    }

    /** The ONNX Runtime and OpenCV library files mapped into this process (Linux only). */
    private static List<String> mappedNatives() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return List.of("unknown");
        }
        try (Stream<String> lines = Files.lines(maps)) {
            return List.copyOf(lines.filter(line -> line.indexOf('/') >= 0)
                    .map(line -> line.substring(line.indexOf('/')))
                    .filter(file -> file.contains("onnxruntime") || file.contains("opencv_java"))
                    .collect(TreeSet::new, TreeSet::add, TreeSet::addAll));
        } catch (IOException e) {
            return List.of("unreadable: " + e);
        }
    }
}
