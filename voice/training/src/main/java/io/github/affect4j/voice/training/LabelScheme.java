package io.github.affect4j.voice.training;

import io.github.affect4j.Emotion;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the emotion label and the speaker of a recording are read from its path.
 *
 * <table>
 *   <caption>Schemes</caption>
 *   <tr><th>scheme</th><th>example</th><th>label</th><th>speaker</th></tr>
 *   <tr><td>{@link #RAVDESS}</td><td>{@code 03-01-05-01-02-01-12.wav}</td><td>third field: 01
 *       neutral, 02 calm (folded into neutral), 03 happy, 04 sad, 05 angry, 06 fearful, 07
 *       disgust, 08 surprised</td><td>seventh field (actor)</td></tr>
 *   <tr><td>{@link #EMODB}</td><td>{@code 03a01Fa.wav}</td><td>sixth character: W anger
 *       (Wut), L boredom (Langeweile, not mapped), E disgust (Ekel), A fear (Angst), F happiness
 *       (Freude), T sadness (Trauer), N neutral</td><td>first two digits</td></tr>
 *   <tr><td>{@link #CREMA_D}</td><td>{@code 1001_DFA_ANG_XX.wav}</td><td>third field: ANG, DIS,
 *       FEA, HAP, NEU, SAD</td><td>first field (actor)</td></tr>
 *   <tr><td>{@link #TESS}</td><td>{@code OAF_back_angry.wav}</td><td>last field: angry, disgust,
 *       fear, happy, neutral, ps (pleasant surprise), sad</td><td>first field (OAF or
 *       YAF)</td></tr>
 *   <tr><td>{@link #FOLDER}</td><td>{@code angry/clip7.wav}</td><td>the parent folder's name,
 *       read by {@link Emotion#fromLabel}</td><td>none, unless a speaker pattern is
 *       given</td></tr>
 * </table>
 *
 * <p>A file-name code is found anywhere in the name, after or before other text
 * ({@code ravdess__03-01-05-01-01-02-01.wav}, {@code 03a01Fa_copy.wav}), as long as it is not
 * part of a longer run of digits or letters; a TESS code must end the name.
 * {@link #AUTO} tries the file-name schemes in the order above, then the folder. A speaker
 * pattern (a regular expression matched against the file name; its group {@code speaker}, or
 * else group 1, is the speaker) overrides the scheme's speaker.
 */
public enum LabelScheme {
    /** Tries every scheme below, file names first. */
    AUTO,
    /** RAVDESS file names. */
    RAVDESS,
    /** Berlin EmoDB file names. */
    EMODB,
    /** CREMA-D file names. */
    CREMA_D,
    /** Toronto emotional speech set file names. */
    TESS,
    /** The parent folder names the label: {@code DIR/<label>/*.wav}. */
    FOLDER;

    // Each pattern is searched anywhere in the file name without its extension, so that a
    // prefix or suffix ("ravdess__03-01-05-01-01-02-01.wav", "03a01Fa_copy.wav") does not hide
    // the code; the look-arounds keep a code from being read out of a longer run of digits or
    // letters ("1203-01-05-...").
    private static final Pattern RAVDESS_NAME = Pattern.compile(
            "(?<!\\d)(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)(?!\\d)");
    private static final Pattern EMODB_NAME = Pattern.compile(
            "(?<![0-9A-Za-z])(\\d\\d)[a-z]\\d\\d([WLEAFTN])[a-z]?(?![0-9A-Za-z])");
    private static final Pattern CREMA_D_NAME = Pattern.compile(
            "(?<![0-9A-Za-z])(\\d{4})_[A-Z]{3}_([A-Z]{3})_[A-Z]{1,2}(?![0-9A-Za-z])",
            Pattern.CASE_INSENSITIVE);
    // TESS's label is the last field, so the code must end the name.
    private static final Pattern TESS_NAME = Pattern.compile(
            "(?<![0-9A-Za-z])([OY]AF)_[^_]+_([A-Za-z]+)$", Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> RAVDESS_CODES = Map.of("01", "neutral", "02", "calm",
            "03", "happy", "04", "sad", "05", "angry", "06", "fearful", "07", "disgust",
            "08", "surprised");
    private static final Map<String, String> EMODB_CODES = Map.of("W", "anger", "L", "boredom",
            "E", "disgust", "A", "fear", "F", "happiness", "T", "sadness", "N", "neutral");

    /**
     * What a path says.
     *
     * @param scheme the scheme that matched
     * @param label the label as written (e.g. {@code "boredom"})
     * @param emotionOrNull the label's category, null when it has none among the eight; read
     *     it through {@link #emotion()}
     * @param speakerOrNull the speaker, null when the scheme does not name one; read it through
     *     {@link #speaker()}
     */
    public record Parsed(LabelScheme scheme, String label, Emotion emotionOrNull,
                         String speakerOrNull) {

        /** {@return the label's category, empty when it has none among the eight} */
        public Optional<Emotion> emotion() {
            return Optional.ofNullable(emotionOrNull);
        }

        /** {@return the speaker, empty when the scheme does not name one} */
        public Optional<String> speaker() {
            return Optional.ofNullable(speakerOrNull);
        }
    }

    /**
     * Reads a path.
     *
     * @param file the recording
     * @param speakerPattern a pattern for the speaker in the file name, or null
     * @return what the path says, or empty when this scheme does not match it
     */
    public Optional<Parsed> parse(Path file, Pattern speakerPattern) {
        Optional<Parsed> parsed = this == AUTO ? auto(file) : parseOwn(file);
        if (speakerPattern == null) {
            return parsed;
        }
        Optional<String> speaker = speakerOf(file, speakerPattern);
        return parsed.map(p -> new Parsed(p.scheme(), p.label(), p.emotionOrNull(),
                speaker.orElse(null)));
    }

    private Optional<Parsed> auto(Path file) {
        for (LabelScheme scheme : new LabelScheme[] {RAVDESS, EMODB, CREMA_D, TESS, FOLDER}) {
            Optional<Parsed> parsed = scheme.parseOwn(file);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    private Optional<Parsed> parseOwn(Path file) {
        String name = file.getFileName().toString().replaceFirst("(?i)\\.wav$", "");
        Matcher m;
        switch (this) {
            case RAVDESS -> {
                m = RAVDESS_NAME.matcher(name);
                if (m.find() && RAVDESS_CODES.containsKey(m.group(3))) {
                    return parsed(RAVDESS_CODES.get(m.group(3)), "actor" + m.group(7));
                }
            }
            case EMODB -> {
                m = EMODB_NAME.matcher(name);
                if (m.find()) {
                    return parsed(EMODB_CODES.get(m.group(2)), "speaker" + m.group(1));
                }
            }
            case CREMA_D -> {
                m = CREMA_D_NAME.matcher(name);
                if (m.find()) {
                    return parsed(m.group(2).toLowerCase(Locale.ROOT), "actor" + m.group(1));
                }
            }
            case TESS -> {
                m = TESS_NAME.matcher(name);
                if (m.find() && Emotion.fromLabel(m.group(2)).isPresent()) {
                    return parsed(m.group(2).toLowerCase(Locale.ROOT),
                            m.group(1).toUpperCase(Locale.ROOT));
                }
            }
            case FOLDER -> {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null && parent.getFileName() != null) {
                    String label = parent.getFileName().toString();
                    if (Emotion.fromLabel(label).isPresent()) {
                        return Optional.of(new Parsed(FOLDER, label,
                                Emotion.fromLabel(label).orElse(null), null));
                    }
                }
            }
            default -> throw new IllegalStateException("AUTO is not a scheme of its own");
        }
        return Optional.empty();
    }

    private Optional<Parsed> parsed(String label, String speaker) {
        return Optional.of(new Parsed(this, label, Emotion.fromLabel(label).orElse(null), speaker));
    }

    private static Optional<String> speakerOf(Path file, Pattern pattern) {
        Matcher m = pattern.matcher(file.getFileName().toString());
        if (!m.find()) {
            return Optional.empty();
        }
        String speaker;
        try {
            speaker = m.group("speaker");
        } catch (IllegalArgumentException noNamedGroup) {
            speaker = m.groupCount() >= 1 ? m.group(1) : m.group();
        }
        return Optional.ofNullable(speaker).filter(s -> !s.isEmpty());
    }
}
