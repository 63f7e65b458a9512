package io.github.affect4j.cli;

import io.github.affect4j.DetectorBuilder;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.ProviderStatus;
import io.github.affect4j.spi.OptionSpec;
import java.util.Locale;
import picocli.CommandLine.Command;

/**
 * {@code affect4j detectors}: which implementations discovery sees, why any is unusable, and the
 * options each declares.
 */
@Command(name = "detectors", mixinStandardHelpOptions = true,
        description = "List the face and voice detector providers found, best first, with their "
                + "availability and their options (name, type, allowed values, default, "
                + "meaning); set options with --option NAME=VALUE on analyze and evaluate.")
final class DetectorsCommand implements Runnable {

    @Override
    public void run() {
        print("face", EmotionDetectors.faceBuilder());
        print("voice", EmotionDetectors.voiceBuilder());
    }

    private static void print(String kind, DetectorBuilder<?> builder) {
        var statuses = builder.providers();
        System.out.println(kind + " providers:" + (statuses.isEmpty() ? " none" : ""));
        for (ProviderStatus status : statuses) {
            System.out.printf(Locale.ROOT, "  %-12s priority %4d  %s%n", status.id(),
                    status.priority(), status.usable() ? "available" : "unavailable: "
                            + status.reason());
            if (!status.options().isEmpty()) {
                System.out.println("    options:");
            }
            for (OptionSpec option : status.options()) {
                System.out.printf(Locale.ROOT, "      %-18s %-8s %-16s %-18s %s%n", option.name(),
                        option.type().label(), option.allowed(),
                        option.defaultValue() == null ? "" : "default " + option.defaultValue(),
                        option.description());
            }
        }
    }
}
